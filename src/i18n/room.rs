//! The room's text (docs/room.md): the quick check's hand-in card and the handout's
//! step, and the room view where a study session's hand-ins are gathered. English and
//! Japanese side by side in the same order. The messages of refused hand-ins are the
//! model's (`HandInError::message`), which name this text's hand-in button.

/// The hand-in card, the room view, its camera and projector mode.
pub struct RoomTexts {
    /// The view's name in the navigation and the title.
    pub nav: &'static str,
    /// The quick check's button (`quick-handin`); the model's messages name it.
    pub handin: &'static str,
    pub handin_heading: &'static str,
    pub handin_explain: &'static str,
    pub handin_code: &'static str,
    pub handin_link: &'static str,
    pub handin_qr_alt: &'static str,
    pub handin_hide: &'static str,
    /// The handout's step for the end of the session.
    pub handout_step: &'static str,
    pub intro: &'static str,
    pub add_heading: &'static str,
    pub paste_label: &'static str,
    pub paste_hint: &'static str,
    pub add: &'static str,
    pub nothing_pasted: &'static str,
    /// What an addition did: new participants, updated ones, ones already in, older ones.
    pub added: fn(usize, usize, usize, usize) -> String,
    /// Heading of the refusals: how many were not added.
    pub refused: fn(usize) -> String,
    /// One refusal: its line and why.
    pub refused_line: fn(usize, &str) -> String,
    /// A refused hand-in link (opened, not pasted).
    pub refused_link: fn(&str) -> String,
    pub camera_heading: &'static str,
    pub camera_start: &'static str,
    pub camera_stop: &'static str,
    pub camera_explain: &'static str,
    pub camera_preview: &'static str,
    pub camera_denied: &'static str,
    pub camera_none: &'static str,
    pub camera_unsupported: &'static str,
    pub camera_failed: fn(&str) -> String,
    pub camera_load_failed: &'static str,
    /// A new participant seen by the camera, and how many are in the room now.
    pub camera_added: fn(usize) -> String,
    pub camera_updated: fn(usize) -> String,
    /// A QR code seen that is not a hand-in: why.
    pub camera_refused: fn(&str) -> String,
    pub count: &'static str,
    pub empty: &'static str,
    pub radar_heading: &'static str,
    pub dist_heading: &'static str,
    pub dist_explain: &'static str,
    pub col_median: &'static str,
    pub col_na: &'static str,
    pub col_none: &'static str,
    pub gaps_heading: &'static str,
    pub gaps_none: &'static str,
    /// One gap: category, median current, median target, the gap.
    pub gap_item: fn(&str, u8, u8, i8) -> String,
    pub actions_heading: &'static str,
    pub clear: &'static str,
    pub cleared: &'static str,
    pub restored: &'static str,
    pub export_csv: &'static str,
    pub print: &'static str,
    pub start: &'static str,
    pub start_explain: &'static str,
    /// The name of an assessment started from the room, on a date.
    pub start_name: fn(&str) -> String,
    pub projector: &'static str,
    pub projector_leave: &'static str,
    pub print_title: &'static str,
    /// The kept room could not be read: what happens to new hand-ins meanwhile.
    pub unreadable_note: &'static str,
    pub updated_elsewhere: &'static str,
}

pub const EN: RoomTexts = RoomTexts {
    nav: "Room",
    handin: "Hand in to the room",
    handin_heading: "Your hand-in",
    handin_explain: "Show this to the facilitator, who scans the QR code (with the room's camera or a phone's camera \
                     app) or types the code. It holds your nine answers and a random number, never your name; \
                     nothing is sent anywhere. Change an answer and the code changes: hand in again, and the room \
                     keeps your latest.",
    handin_code: "Code",
    handin_link: "Link",
    handin_qr_alt: "QR code of your hand-in link",
    handin_hide: "Hide",
    handout_step: "At the end, press “Hand in to the room” under your radar and show the QR code to the \
                   facilitator (or read out the code): the room's radar on the projector gathers everyone's \
                   answers, without names.",
    intro: "The room gathers a study session's quick checks on this device. Each participant presses “Hand in to \
            the room” at the end of the quick check; add the hand-ins with the camera, by opening their links, or \
            by pasting their codes. Nothing is sent to a server: the room stays in this browser until you clear it.",
    add_heading: "Add hand-ins",
    paste_label: "Codes or links",
    paste_hint: "One or more, separated by spaces or new lines.",
    add: "Add",
    nothing_pasted: "Paste at least one code or link first.",
    added: |new, updated, same, older| {
        format!(
            "Added {new} new participant(s); {updated} updated by a later hand-in; {same} already in the room; {older} \
             older than the hand-in in the room (ignored)."
        )
    },
    refused: |n| format!("{n} not added (nothing in the room changed for them):"),
    refused_line: |line, why| format!("Line {line}: {why}"),
    refused_link: |why| format!("The hand-in link was not added: {why}"),
    camera_heading: "Camera",
    camera_start: "Start the camera",
    camera_stop: "Stop the camera",
    camera_explain: "Hold each participant's QR code in front of the camera; each new hand-in is added and \
                     acknowledged with a green frame.",
    camera_preview: "Camera preview",
    camera_denied: "The camera was not allowed. Allow the camera for this page in the browser's settings and try \
                    again, or paste codes instead.",
    camera_none: "No camera was found, or another app is using it. Paste codes or open hand-in links instead.",
    camera_unsupported: "This browser offers no camera to this page (a camera needs an https:// address). Paste \
                         codes or open hand-in links instead.",
    camera_failed: |why| format!("The camera could not start ({why}). Paste codes or open hand-in links instead."),
    camera_load_failed: "The camera's code could not be loaded. Check the connection and try again; pasting still \
                         works.",
    camera_added: |n| format!("Hand-in added: {n} participant(s) in the room."),
    camera_updated: |n| format!("Hand-in updated: {n} participant(s) in the room."),
    camera_refused: |why| format!("A QR code was seen but not added: {why}"),
    count: "Participants",
    empty: "No hand-ins yet.",
    radar_heading: "Medians: current and target",
    dist_heading: "Answers per category",
    dist_explain: "How many participants gave each answer. The median leaves out n/a and no answer; with an even \
                   count it is the lower middle value.",
    col_median: "Median",
    col_na: "n/a",
    col_none: "No answer",
    gaps_heading: "Largest gaps (median target − median current)",
    gaps_none: "No category has both medians yet.",
    gap_item: |category, current, target, gap| format!("{category}: {current} → {target} ({gap:+})"),
    actions_heading: "The room",
    clear: "Clear the room",
    cleared: "The room was cleared.",
    restored: "The room is back as it was.",
    export_csv: "Download CSV",
    print: "Print",
    start: "Start an assessment from the room",
    start_explain: "A new assessment whose quick check holds the room's medians (sourcing: the answer most gave), for \
                    the organisers' own follow-up.",
    start_name: |date| format!("Room {date}"),
    projector: "Projector mode",
    projector_leave: "Leave projector mode (Esc)",
    print_title: "Study session: the room's answers",
    unreadable_note: "Hand-ins added now are shown but not kept in this browser until the room is cleared.",
    updated_elsewhere: "The room was changed in another tab: this tab shows it now.",
};

pub const JA: RoomTexts = RoomTexts {
    nav: "ルーム",
    handin: "ルームに提出",
    handin_heading: "あなたの提出",
    handin_explain:
        "これを進行役に見せてください。進行役は QR コードを（ルームのカメラかスマートフォンのカメラアプリで）\
                     読み取るか、コードを入力します。9 つの回答と乱数だけを含み、名前は含みません。どこにも送信され\
                     ません。回答を変えるとコードも変わります。もう一度提出すれば、ルームは最新のものを使います。",
    handin_code: "コード",
    handin_link: "リンク",
    handin_qr_alt: "提出リンクの QR コード",
    handin_hide: "閉じる",
    handout_step:
        "最後に、レーダーチャートの下の「ルームに提出」を押し、QR コードを進行役に見せてください（またはコードを\
                   読み上げます）。プロジェクターに映るルームのレーダーチャートに、全員の回答が名前なしで集まります。",
    intro: "ルームは、勉強会のクイックチェックをこの端末に集めます。参加者はクイックチェックの最後に「ルームに提出」を\
            押します。提出はカメラで読み取るか、提出リンクを開くか、コードを貼り付けて追加します。サーバーには何も\
            送信されません。ルームは消去するまでこのブラウザに保存されます。",
    add_heading: "提出を追加",
    paste_label: "コードまたはリンク",
    paste_hint: "1 つ以上。空白か改行で区切ります。",
    add: "追加",
    nothing_pasted: "コードかリンクを 1 つ以上貼り付けてください。",
    added: |new, updated, same, older| {
        format!(
            "新しい参加者 {new} 人を追加しました。{updated} 人は後の提出で更新、{same} 件はルームに既にあり、{older} 件は\
             ルームにある提出より古いため無視しました。"
        )
    },
    refused: |n| format!("{n} 件は追加しませんでした（ルームは変わっていません）："),
    refused_line: |line, why| format!("{line} 行目：{why}"),
    refused_link: |why| format!("提出リンクを追加しませんでした：{why}"),
    camera_heading: "カメラ",
    camera_start: "カメラを開始",
    camera_stop: "カメラを停止",
    camera_explain: "参加者の QR コードをカメラに向けてください。新しい提出は追加され、緑の枠で知らせます。",
    camera_preview: "カメラの映像",
    camera_denied: "カメラの使用が許可されませんでした。ブラウザの設定でこのページにカメラを許可してもう一度試すか、\
                    コードを貼り付けてください。",
    camera_none: "カメラが見つからないか、ほかのアプリが使用中です。コードを貼り付けるか、提出リンクを開いてください。",
    camera_unsupported: "このブラウザはこのページでカメラを使えません（カメラには https:// のアドレスが必要です）。\
                         コードを貼り付けるか、提出リンクを開いてください。",
    camera_failed: |why| {
        format!("カメラを開始できませんでした（{why}）。コードを貼り付けるか、提出リンクを開いてください。")
    },
    camera_load_failed:
        "カメラ用のコードを読み込めませんでした。接続を確認してもう一度試してください。貼り付けは使えます。",
    camera_added: |n| format!("提出を追加しました。ルームの参加者は {n} 人です。"),
    camera_updated: |n| format!("提出を更新しました。ルームの参加者は {n} 人です。"),
    camera_refused: |why| format!("QR コードを読み取りましたが追加しませんでした：{why}"),
    count: "参加者",
    empty: "まだ提出はありません。",
    radar_heading: "中央値：現在と目標",
    dist_heading: "カテゴリごとの回答",
    dist_explain:
        "各回答をした参加者の人数です。中央値は n/a と未回答を除き、人数が偶数のときは中央の 2 つのうち小さい方です。",
    col_median: "中央値",
    col_na: "n/a",
    col_none: "未回答",
    gaps_heading: "差の大きいカテゴリ（目標の中央値 − 現在の中央値）",
    gaps_none: "両方の中央値があるカテゴリはまだありません。",
    gap_item: |category, current, target, gap| format!("{category}：{current} → {target}（{gap:+}）"),
    actions_heading: "ルーム",
    clear: "ルームを消去",
    cleared: "ルームを消去しました。",
    restored: "ルームを元に戻しました。",
    export_csv: "CSV をダウンロード",
    print: "印刷",
    start: "ルームからアセスメントを開始",
    start_explain: "ルームの中央値をクイックチェックに入れた新しいアセスメントを作ります（担い手は最も多かった回答）。\
                    主催者自身の振り返りに使えます。",
    start_name: |date| format!("ルーム {date}"),
    projector: "プロジェクター表示",
    projector_leave: "プロジェクター表示を終える（Esc）",
    print_title: "勉強会：ルームの回答",
    unreadable_note: "今追加した提出は表示されますが、ルームを消去するまでこのブラウザには保存されません。",
    updated_elsewhere: "ルームが別のタブで変更されました。このタブにも反映しました。",
};
