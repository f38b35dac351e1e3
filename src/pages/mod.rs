//! One module per view.

mod catalogue;
pub mod dashboard;
pub mod evaluation;
mod home;
mod plan;
mod portfolio;
pub mod profile;
mod report;

pub use catalogue::Catalogue;
pub use dashboard::Dashboard;
pub use evaluation::Evaluation;
pub use home::Home;
pub use plan::Plan;
pub use portfolio::Portfolio;
pub use profile::Profile;
pub use report::Report;
