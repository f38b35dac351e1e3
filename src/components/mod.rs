//! Reusable view pieces.

mod choice;
mod messages;
mod radar_chart;

pub use choice::{Choice, ChoiceSelect};
pub use messages::Messages;
pub use radar_chart::RadarChart;
