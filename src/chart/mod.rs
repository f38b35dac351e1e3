//! The radar chart of category means: pure geometry ([`geometry`]) and drawing on any
//! plotters backend ([`radar`]); the trend chart ([`trend`]); the look both share
//! ([`style`]: theme, colours, fonts) and their legend ([`legend`]); QR codes as SVG
//! paths ([`qr`]).
//!
//! The radial scale is fixed to 0..=5 so that charts of different assessments compare by
//! eye. The web app draws with [`draw_radar`] on a `<canvas>` (plotters-canvas); natively,
//! and for "download as SVG", [`radar_svg`] renders the same chart to an SVG string.

pub mod fit;
pub mod geometry;
pub mod legend;
pub mod qr;
pub mod radar;
pub mod style;
pub mod text;
pub mod trend;

pub use fit::{axis_labels, display_size, label_id, labels_for, one_decimal, AxisLabels};
pub use geometry::{
    clamp_value, closed, text_units, wrap_label, HAlign, LabelAnchor, RadarGeometry, VAlign, LABEL_GAP,
    RADIUS_MAX_WIDTH_SHARE, RADIUS_SHARE, RING_LEVELS, SCALE_MAX,
};
pub use legend::{legend_height, legend_layout, legend_row_height, LegendEntry, LegendRow, LEGEND_ORIGIN};
pub use radar::{
    draw_radar, effective_label_wrap, radar_svg, RadarSeries, RadarSpec, DEFAULT_LABEL_WRAP, MIN_LABEL_WRAP,
};
pub use style::{
    line_height, number_size, series_color, Theme, BASELINE_COLOR, CURRENT_COLOR, DEFAULT_FONT_SIZE, LINE_SPACING,
    NUMBER_SCALE, PALETTE, TARGET_COLOR,
};
pub use text::{is_xml_char, xml_text};
pub use trend::{
    draw_trend, fit_label, trend_svg, PlotArea, TrendGeometry, TrendMargins, TrendSeries, TrendSpec, XLabel,
    MAX_X_LABEL_LINES, MIN_X_LABEL_UNITS, X_LABEL_GAP, Y_LABEL_GAP, Y_LEVELS,
};
