//! Reusable view pieces.

mod canvas_chart;
mod category_title;
mod choice;
mod messages;
mod radar_chart;
mod trend_chart;

pub use category_title::CategoryTitle;
pub use choice::{Choice, ChoiceSelect};
pub use messages::Messages;
pub use radar_chart::RadarChart;
pub use trend_chart::TrendChart;
