//! Reusable view pieces.

mod canvas_chart;
mod choice;
mod messages;
mod radar_chart;
mod trend_chart;

pub use choice::{Choice, ChoiceSelect};
pub use messages::Messages;
pub use radar_chart::RadarChart;
pub use trend_chart::TrendChart;
