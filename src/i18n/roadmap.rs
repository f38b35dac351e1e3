//! The roadmap view's text (and the report's roadmap section): where the improvement
//! plan takes the scores, quarter by quarter. English and Japanese side by side in
//! the same order.

/// The roadmap: quarters, the projected radar and means, actions due, plan against
/// reality.
pub struct RoadmapTexts {
    pub intro: &'static str,
    pub quarter_label: &'static str,
    /// A quarter and its last day: `2027-Q1 (to 2027-03-31)`.
    pub quarter_option: fn(&str, &str) -> String,
    /// More quarters hold due dates than are shown.
    pub cut_note: fn(usize) -> String,
    pub no_dates: &'static str,
    pub open_plan: &'static str,
    pub open_roadmap: &'static str,
    pub radar_heading: &'static str,
    pub legend_today: &'static str,
    /// The projected series' name: `Projected, end of 2027-Q2`.
    pub legend_projected: fn(&str) -> String,
    pub means_heading: &'static str,
    pub col_category: &'static str,
    pub col_today: &'static str,
    pub col_projected: &'static str,
    pub col_change: &'static str,
    pub col_target: &'static str,
    pub overall: &'static str,
    pub strip_heading: &'static str,
    /// One small radar of the strip: `2027-Q1: overall 2.67`.
    pub strip_item: fn(&str, &str) -> String,
    pub due_heading: &'static str,
    pub due_none: &'static str,
    pub overdue: &'static str,
    pub done: &'static str,
    pub due_on: fn(&str) -> String,
    pub reality_heading: &'static str,
    pub reality_explain: &'static str,
    pub earlier_label: &'static str,
    pub later_label: &'static str,
    pub reality_none: &'static str,
    pub col_quarter: &'static str,
    pub col_held: &'static str,
    pub col_late: &'static str,
    pub late_none: &'static str,
    /// The plan's expected-score column, and its "the target" choice.
    pub col_expected: &'static str,
    pub expected_target: &'static str,
    /// The report's section.
    pub report_heading: &'static str,
    pub report_explain: &'static str,
    /// A report column: the projection at the end of a quarter.
    pub report_end_of: fn(&str) -> String,
    pub report_late_heading: &'static str,
}

pub const EN: RoadmapTexts = RoadmapTexts {
    intro: "Where the improvement plan takes the current scores, quarter by quarter: each action that is not done \
            brings its service to its expected score (or the target) on its due date.",
    quarter_label: "Quarter",
    quarter_option: |q, end| format!("{q} (to {end})"),
    cut_note: |n| format!("Only the first {n} quarters are shown: later due dates fall outside them."),
    no_dates: "No plan item has a due date yet: give the actions due dates in the improvement plan to see where \
               they take the scores.",
    open_plan: "Open the improvement plan",
    open_roadmap: "See the roadmap",
    radar_heading: "Today, projected and target per category",
    legend_today: "Today",
    legend_projected: |q| format!("Projected, end of {q}"),
    means_heading: "Category means at the end of the quarter",
    col_category: "Category",
    col_today: "Today",
    col_projected: "Projected",
    col_change: "Change",
    col_target: "Target",
    overall: "Overall",
    strip_heading: "Quarter by quarter",
    strip_item: |q, overall| format!("{q}: overall {overall}"),
    due_heading: "Actions falling due",
    due_none: "No action falls due in this quarter.",
    overdue: "Overdue",
    done: "Done",
    due_on: |d| format!("due {d}"),
    reality_heading: "Plan against reality",
    reality_explain: "For each quarter that ended between two snapshots: what the earlier snapshot's plan projected \
                      for the quarter's end, beside what the later snapshot holds, and the actions that were late.",
    earlier_label: "Earlier snapshot (with its plan)",
    later_label: "Later snapshot",
    reality_none: "This needs two snapshots with a quarter's end between them, the earlier one keeping its plan \
                   (snapshots keep the plan from this version on).",
    col_quarter: "Quarter",
    col_held: "Held",
    col_late: "Late actions",
    late_none: "none",
    col_expected: "Expected score",
    expected_target: "Target",
    report_heading: "Roadmap",
    report_explain: "Overall and category means today, projected by the improvement plan to the end of the next \
                     quarters, and the target.",
    report_end_of: |q| format!("End of {q}"),
    report_late_heading: "Overdue actions",
};

pub const JA: RoadmapTexts = RoadmapTexts {
    intro: "改善計画が現状スコアを四半期ごとにどこまで引き上げるかを示します。未完了のアクションは、期限日に\
            そのサービスを期待スコア（未設定なら目標）まで引き上げるものとして計算します。",
    quarter_label: "四半期",
    quarter_option: |q, end| format!("{q}（{end} まで）"),
    cut_note: |n| format!("最初の {n} 四半期のみ表示しています。これより後の期限日は含まれません。"),
    no_dates: "期限日のある計画項目がまだありません。改善計画でアクションに期限日を設定すると、スコアの見込みを\
               表示します。",
    open_plan: "改善計画を開く",
    open_roadmap: "ロードマップを見る",
    radar_heading: "カテゴリ別の現在・見込み・目標",
    legend_today: "現在",
    legend_projected: |q| format!("{q} 末の見込み"),
    means_heading: "四半期末のカテゴリ平均",
    col_category: "カテゴリ",
    col_today: "現在",
    col_projected: "見込み",
    col_change: "変化",
    col_target: "目標",
    overall: "全体",
    strip_heading: "四半期ごとの推移",
    strip_item: |q, overall| format!("{q}：全体 {overall}"),
    due_heading: "期限を迎えるアクション",
    due_none: "この四半期に期限を迎えるアクションはありません。",
    overdue: "期限超過",
    done: "完了",
    due_on: |d| format!("期限 {d}"),
    reality_heading: "計画と実績",
    reality_explain: "2 つのスナップショットの間に終わった四半期ごとに、前のスナップショットの計画が四半期末に\
                      見込んだ値と、後のスナップショットの実績、遅れたアクションを並べて示します。",
    earlier_label: "前のスナップショット（計画つき）",
    later_label: "後のスナップショット",
    reality_none: "間に四半期末をはさむ 2 つのスナップショットが必要です。前のスナップショットが計画を保持して\
                   いること（このバージョン以降のスナップショットは計画を保持します）。",
    col_quarter: "四半期",
    col_held: "実績",
    col_late: "遅れたアクション",
    late_none: "なし",
    col_expected: "期待スコア",
    expected_target: "目標",
    report_heading: "ロードマップ",
    report_explain: "全体とカテゴリの平均：現在、改善計画による今後の四半期末の見込み、目標。",
    report_end_of: |q| format!("{q} 末"),
    report_late_heading: "期限超過のアクション",
};
