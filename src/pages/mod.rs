//! One module (or folder) per view; a page never imports another page: pieces used
//! by several views are in `crate::components`.

mod catalogue;
mod dashboard;
mod evaluation;
mod home;
mod plan;
mod portfolio;
mod profile;
mod quick;
mod report;
mod roadmap;
mod room;
mod workshop;

pub use catalogue::Catalogue;
pub use dashboard::Dashboard;
pub use evaluation::Evaluation;
pub use home::Home;
pub use plan::Plan;
pub use portfolio::Portfolio;
pub use profile::Profile;
pub use quick::Quick;
pub use report::Report;
pub use roadmap::Roadmap;
pub use room::RoomView;
pub use workshop::Workshop;
