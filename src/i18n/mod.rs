//! Interface text in Japanese and English, grouped by view. Each language is one
//! [`Texts`] value (`en.rs`, `ja.rs`, in the same order so they read side by side),
//! so the compiler checks that both have every string. Texts with values are
//! functions, so no sentence is glued together from fragments.

mod en;
pub mod evidence;
mod ja;
pub mod roadmap;
pub mod room;
pub mod workshop;

use crate::model::Lang;

pub use en::EN;
pub use ja::JA;

/// Every interface text of one language.
pub struct Texts {
    /// Text used across views: the page frame, buttons, charts.
    pub common: CommonTexts,
    /// View names, in the navigation and page titles.
    pub nav: NavTexts,
    /// Table column headings shared by several views.
    pub col: ColumnTexts,
    /// Confirmations and failures shown in the message area.
    pub status: StatusTexts,
    /// Home: the list of assessments, create, import, sample, share, backup, trash.
    pub home: HomeTexts,
    /// Service catalogue (build process, X.1060 9.2).
    pub catalogue: CatalogueTexts,
    /// Service profile (build process, X.1060 9.3).
    pub profile: ProfileTexts,
    /// Service portfolio (build process, X.1060 9.4).
    pub portfolio: PortfolioTexts,
    /// Dashboard: radars, category table, gaps.
    pub dashboard: DashboardTexts,
    /// Improvement plan (management process, X.1060 clause 10).
    pub plan: PlanTexts,
    /// Evaluation process (X.1060 clause 11): snapshots and comparisons.
    pub evaluation: EvaluationTexts,
    /// The printable report.
    pub report: ReportTexts,
    /// The workshop: several assessors compared and merged.
    pub workshop: workshop::WorkshopTexts,
    /// The roadmap: where the plan takes the scores, quarter by quarter.
    pub roadmap: roadmap::RoadmapTexts,
    /// Evidence: what backs each score (portfolio, dashboard, report, evaluation, plan).
    pub evidence: evidence::EvidenceTexts,
    /// The room: a study session's hand-ins gathered, and the quick check's hand-in.
    pub room: room::RoomTexts,
    /// The quick check: a category-level estimate in five minutes.
    pub quick: QuickTexts,
    /// Where the data lives: the line under the header and the reminder to back up.
    pub backup: BackupTexts,
    /// Reading a services CSV back (the spreadsheet round trip).
    pub csv: CsvTexts,
}

/// Text used across views: the page frame, buttons, charts.
pub struct CommonTexts {
    pub app_title: &'static str,
    pub app_subtitle: &'static str,
    pub skip_to_content: &'static str,
    pub lang_toggle: &'static str,
    pub lang_toggle_label: &'static str,
    pub privacy_note: &'static str,
    pub export_json: &'static str,
    pub dismiss: &'static str,
    pub storage_unavailable_note: &'static str,
    pub undo: &'static str,
    pub duplicate: &'static str,
    pub delete: &'static str,
    pub export_csv: &'static str,
    pub no_active: &'static str,
    pub go_home: &'static str,
    pub apply: &'static str,
    pub add: &'static str,
    pub insource: &'static str,
    pub outsource: &'static str,
    pub choose_category: &'static str,
    pub overall: &'static str,
    pub legend_current: &'static str,
    pub legend_target: &'static str,
    pub radar_alt: &'static str,
    pub chart_failed: &'static str,
    pub scale_note: &'static str,
    pub cancel: &'static str,
    pub download_png: &'static str,
    pub download_svg: &'static str,
    pub download_chart: &'static str,
    pub copy: &'static str,
    pub no_assessment_yet: &'static str,
    /// A view whose code is fetched on first opening (src/split/views.rs): while it loads.
    pub view_loading: &'static str,
    /// …and when its file did not arrive.
    pub view_load_failed: &'static str,
    /// Loads the page again (the latest release).
    pub reload_app: &'static str,
    pub retry: &'static str,
    /// An action whose code is fetched on first use (the CSV tools) did not get it.
    pub part_load_failed: &'static str,
}

/// View names, in the navigation and page titles.
pub struct NavTexts {
    pub label: &'static str,
    pub home: &'static str,
    pub catalogue: &'static str,
    pub profile: &'static str,
    pub portfolio: &'static str,
    pub dashboard: &'static str,
    pub plan: &'static str,
    pub evaluation: &'static str,
    pub report: &'static str,
    pub quick: &'static str,
    pub workshop: &'static str,
    pub roadmap: &'static str,
}

/// Table column headings shared by several views.
pub struct ColumnTexts {
    pub id: &'static str,
    pub service: &'static str,
    pub level: &'static str,
    pub sourcing: &'static str,
    pub provider: &'static str,
    pub current: &'static str,
    pub target: &'static str,
    pub note: &'static str,
    pub gap: &'static str,
    pub category: &'static str,
    pub in_scope: &'static str,
    pub assessed: &'static str,
    pub insource: &'static str,
    pub outsource: &'static str,
    pub unassigned: &'static str,
    pub total: &'static str,
    pub action: &'static str,
    pub owner: &'static str,
    pub due: &'static str,
    pub status: &'static str,
    pub change: &'static str,
    pub before: &'static str,
    pub after: &'static str,
    pub delta_current: &'static str,
    pub delta_target: &'static str,
}

/// Confirmations and failures shown in the message area.
pub struct StatusTexts {
    pub import_failed: fn(&str) -> String,
    pub imported: fn(&str) -> String,
    pub created: fn(&str) -> String,
    pub file_read_failed: &'static str,
    pub duplicated: fn(&str) -> String,
    pub deleted: fn(&str) -> String,
    pub restored: fn(&str) -> String,
    pub snapshot_taken: fn(&str) -> String,
    pub synced_from_other_tab: &'static str,
    pub copied: &'static str,
    pub restored_backup: fn(usize) -> String,
    pub download_failed: &'static str,
    pub chart_download_failed: &'static str,
    pub copy_failed: &'static str,
    pub print_failed: &'static str,
    pub custom_failed: &'static str,
    pub unreadable: fn(usize) -> String,
    pub not_moved: fn(usize) -> String,
    pub deleted_elsewhere: &'static str,
    pub deleted_elsewhere_kept: &'static str,
    /// Assessments whose newer state, written by an older release, was taken over.
    pub newer_kept: fn(&str) -> String,
    /// An address after `#/` that names no view.
    pub unknown_address: fn(&str) -> String,
    /// Assessments deleted in one tab that another wrote again (folded into the trash).
    pub folded: fn(usize) -> String,
    /// An exported file read back: its name and services with a decision.
    pub verified: fn(&str, usize) -> String,
    /// Backup files read back: how many files and assessments.
    pub verified_backup: fn(usize, usize) -> String,
}

/// Home: the list of assessments, create, import, sample, share, backup, trash.
pub struct HomeTexts {
    pub your_assessments: &'static str,
    pub no_assessments: &'static str,
    pub active_marker: &'static str,
    pub create_heading: &'static str,
    pub name_label: &'static str,
    pub organisation_label: &'static str,
    pub create_button: &'static str,
    pub name_required: &'static str,
    pub default_name: &'static str,
    pub import_heading: &'static str,
    pub import_label: &'static str,
    pub import_hint: &'static str,
    pub importing: &'static str,
    pub unreadable_heading: &'static str,
    pub unreadable_explain: &'static str,
    pub download_raw: &'static str,
    pub discard: &'static str,
    pub discard_confirm: &'static str,
    pub copy_suffix: &'static str,
    pub active_heading: &'static str,
    pub delete_confirm: &'static str,
    pub sample_heading: &'static str,
    pub sample_explain: &'static str,
    pub sample_button: &'static str,
    pub next_step: &'static str,
    pub trash_heading: &'static str,
    pub trash_explain: &'static str,
    pub restore: &'static str,
    pub purge: &'static str,
    pub purge_confirm: &'static str,
    pub backup_heading: &'static str,
    pub backup_explain: &'static str,
    pub backup_button: &'static str,
    pub restore_heading: &'static str,
    pub restore_explain: &'static str,
    pub already_here: &'static str,
    pub restore_confirm: &'static str,
    pub share_heading: &'static str,
    pub share_explain: &'static str,
    pub share_button: &'static str,
    pub share_link_label: &'static str,
    pub share_incoming: &'static str,
    pub share_import: &'static str,
    pub item_meta: fn(&str, usize) -> String,
    pub contents: fn(usize, usize) -> String,
    pub deleted_on: fn(&str) -> String,
    pub intro_heading: &'static str,
    pub intro_what: &'static str,
    pub intro_cycle: &'static str,
    pub intro_steps: [&'static str; 3],
    pub intro_start: &'static str,
    pub damaged_members: &'static str,
}

/// Service catalogue (build process, X.1060 9.2).
pub struct CatalogueTexts {
    pub level_legend: &'static str,
    pub level_unset: &'static str,
    pub set_all: &'static str,
    pub custom_heading: &'static str,
    pub custom_category: &'static str,
    pub custom_name_ja: &'static str,
    pub custom_name_en: &'static str,
    pub custom_name_required: &'static str,
    pub custom_badge: &'static str,
    pub counts_heading: &'static str,
    pub intro: &'static str,
}

/// Service profile (build process, X.1060 9.3).
pub struct ProfileTexts {
    pub sourcing_unset: &'static str,
    pub split_heading: &'static str,
    pub intro: &'static str,
}

/// Service portfolio (build process, X.1060 9.4).
pub struct PortfolioTexts {
    pub empty_scope: &'static str,
    pub score_unset: &'static str,
    pub score_na: &'static str,
    pub sourcing_first: &'static str,
    pub criteria_insource: &'static str,
    pub criteria_outsource: &'static str,
    pub progress: fn(u32, u32) -> String,
    pub intro: &'static str,
    pub criteria_summary: &'static str,
}

/// Dashboard: radars, category table, gaps.
pub struct DashboardTexts {
    pub radar_heading: &'static str,
    pub category_radar_heading: &'static str,
    pub gaps_heading: &'static str,
    pub no_gaps: &'static str,
    pub table_caption: &'static str,
    pub not_assessed_summary: fn(u32, u32, u32) -> String,
}

/// Improvement plan (management process, X.1060 clause 10).
pub struct PlanTexts {
    pub status_open: &'static str,
    pub status_in_progress: &'static str,
    pub status_done: &'static str,
    pub overdue: &'static str,
    pub plan_intro: &'static str,
    pub plan_empty: &'static str,
    pub plan_other: &'static str,
    pub export_plan_csv: &'static str,
    pub plan_counts_overdue: &'static str,
}

/// Evaluation process (X.1060 clause 11): snapshots and comparisons.
pub struct EvaluationTexts {
    pub snapshots_heading: &'static str,
    pub snapshot_label: &'static str,
    pub snapshot_take: &'static str,
    pub snapshot_taken_at: &'static str,
    pub snapshot_rename: &'static str,
    pub snapshot_delete_confirm: &'static str,
    pub no_snapshots: &'static str,
    pub baseline: &'static str,
    pub compare_with: &'static str,
    pub working_state: &'static str,
    pub now_label: &'static str,
    pub eval_intro: &'static str,
    pub eval_catalogue: &'static str,
    pub eval_profile: &'static str,
    pub eval_portfolio: &'static str,
    pub eval_trend: &'static str,
    pub entered_scope: &'static str,
    pub left_scope: &'static str,
    pub level_changed: &'static str,
    pub level_other: &'static str,
    pub moved: &'static str,
    pub assigned: &'static str,
    pub unassigned: &'static str,
    pub provider_changed: &'static str,
    pub no_changes: &'static str,
    pub improved: &'static str,
    pub worsened: &'static str,
    pub unchanged: &'static str,
    pub not_comparable: &'static str,
    pub trend_category: &'static str,
    pub baseline_legend: &'static str,
    pub need_snapshot: &'static str,
    pub catalogue_questions: [&'static str; 2],
    pub profile_questions: [&'static str; 2],
    pub portfolio_questions: [&'static str; 2],
    pub review_questions: &'static str,
}

/// The printable report.
pub struct ReportTexts {
    pub report_title: &'static str,
    pub print: &'static str,
    pub print_hint: &'static str,
    pub report_date: &'static str,
    pub report_framework: &'static str,
    pub report_compared: &'static str,
}

/// The quick check: a category-level estimate in five minutes.
pub struct QuickTexts {
    pub intro: &'static str,
    pub about: [&'static str; 9],
    pub who: &'static str,
    pub who_unset: &'static str,
    pub overall: &'static str,
    pub answered: fn(usize, usize) -> String,
    pub start: &'static str,
    pub start_explain: &'static str,
    pub default_name: &'static str,
    pub continue_full: &'static str,
    pub continue_explain: &'static str,
    pub marker: &'static str,
    pub radar_heading: &'static str,
    pub legend: &'static str,
    pub col: &'static str,
    pub handout: &'static str,
    pub handout_title: &'static str,
    pub handout_steps: [&'static str; 4],
    pub handout_print: &'static str,
}

/// Where the data lives: the line under the header and the reminder to back up.
pub struct BackupTexts {
    pub saved_here: &'static str,
    pub saved_nowhere: &'static str,
    pub explain: &'static str,
    pub last_exported: fn(&str) -> String,
    pub never_exported: &'static str,
    pub remind: &'static str,
    pub remind_export: &'static str,
    pub remind_backup: &'static str,
    pub remind_dismiss: &'static str,
}

/// Reading a services CSV back into the active assessment: the button, the preview
/// of its changes, and what was done.
pub struct CsvTexts {
    pub import_button: &'static str,
    pub import_hint: &'static str,
    pub reading: &'static str,
    pub export_ja: &'static str,
    pub export_ja_hint: &'static str,
    /// The preview's heading, with the file's name.
    pub preview_heading: fn(&str) -> String,
    /// What the preview holds, with the number of changes.
    pub preview_intro: fn(usize) -> String,
    /// The encoding the file was read in (`UTF-8`, `Shift_JIS`).
    pub read_as: fn(&str) -> String,
    /// The switch to the other encoding, with its name.
    pub read_as_other: fn(&str) -> String,
    /// Beside the switch: the file reads in both encodings.
    pub either_encoding: &'static str,
    pub caption: &'static str,
    pub col_service: &'static str,
    pub col_field: &'static str,
    pub col_old: &'static str,
    pub col_new: &'static str,
    pub apply: &'static str,
    pub cancel: &'static str,
    pub no_changes: fn(&str) -> String,
    /// Applied: the file's name and the number of changes.
    pub applied: fn(&str, usize) -> String,
    pub undone: fn(usize) -> String,
    /// Undone in part: the number set back, the number left, and those fields.
    pub undone_partly: fn(usize, usize, &str) -> String,
}

/// The texts of `lang`.
pub fn texts(lang: Lang) -> &'static Texts {
    match lang {
        Lang::Ja => &JA,
        Lang::En => &EN,
    }
}
