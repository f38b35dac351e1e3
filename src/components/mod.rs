//! Reusable view pieces: used by several views, or a whole concern of one.

mod backup_line;
mod canvas_chart;
mod category_radar;
mod category_title;
mod choice;
mod csv_tools;
mod delta_table;
mod gaps;
mod header;
mod level_select;
mod messages;
mod needs_assessment;
mod radar_chart;
mod score_choices;
mod score_table;
mod sourcing_select;
mod split_table;
mod trend_chart;

pub use backup_line::BackupLine;
pub use canvas_chart::{CanvasArea, CanvasChart};
pub use category_radar::CategoryRadar;
pub use category_title::CategoryTitle;
pub use choice::{Choice, ChoiceSelect};
pub use csv_tools::{run_csv, CsvAction, CsvPreview, CsvTools};
pub use delta_table::DeltaTable;
pub use gaps::Gaps;
pub use header::Header;
pub use level_select::level_choices;
pub use messages::Messages;
pub use needs_assessment::NeedsAssessment;
pub use radar_chart::RadarChart;
pub use score_choices::{score_choices, side_title};
pub use score_table::ScoreTable;
pub use sourcing_select::{sourcing_choices, SourcingSelect};
pub use split_table::SplitTable;
pub use trend_chart::TrendChart;
