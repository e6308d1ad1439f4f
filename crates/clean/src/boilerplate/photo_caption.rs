//! Photo and video captions and credits.
//!
//! ## What it handles
//! Lines opening with "Photo:", "Image:", "Picture:", "Video:", "File photo", "Pictured:",
//! "Credit:", "Caption:", "Image source, ...", "(Photo: ...)"; gallery counters ("Image 2
//! of 7"); pointers to a video ("Watch the video above for footage from ..."); lines that end with a picture agency credit ("(Tomas Reyes/Getty
//! Images)", "REUTERS/Ana Lind", "AP Photo/...", "Photograph: ..."), and bare credits.
//!
//! ## What it does not
//! Captions with no label and no credit: they read like a sentence of the report.

use super::pattern;
use crate::line::Line;

pattern!(
    LABEL,
    r"^\(?(photo|photos|image|images|picture|pictures|video|file photo|file picture|pictured|photograph|caption|credit|watch|gallery|(image|photo|picture|video) (source|caption|credit)s?)\s*(\(\w+\)\s*)?[:|,]"
);
pattern!(
    VIDEO,
    r"^((watch|see|view) (the|our) (video|footage|clip|gallery|livestream)(?-u:\b)|.{0,40}(?-u:\b)(video|footage|gallery) (above|below)(?-u:\b))"
);
pattern!(
    COUNTER,
    r"^(image|photo|picture|slide|video)\s+\d+\s+(of|/)\s+\d+(?-u:\b)"
);
// A credit is set off as one: in parentheses at the end ("(Tomas Reyes/Getty Images)"),
// as "Name/Agency" or "AGENCY/Name" at the end, or after "Photo by", "Photograph:". An
// agency named in a sentence ("said a spokesperson when contacted by Reuters", "on the EPA
// cycle") is not a credit.
pattern!(
    CREDIT,
    r"(\([^()]{0,60}(?-u:\b)(ap photo|afp photo|afp|reuters|getty images|epa|shutterstock|alamy|pa wire|pa media|anadolu|photo by|photograph by|image by)(?-u:\b)[^()]{0,60}\)\.?$|(?-u:\b)(ap photo|afp photo|photo by|photograph by|image by)(?-u:\b)[^.]{0,60}\.?$|(?-u:\b)photograph: [^.]{2,60}$|/(getty images|reuters|ap|afp|epa|alamy|shutterstock)\)?\.?$|(?-u:\b)(reuters|afp|ap|epa)/[^\s/]+(\s[^\s/]+){0,3}$)"
);

pub(super) fn applies(line: &Line) -> bool {
    line.words <= 45
        && (LABEL.is_match(line.text)
            || CREDIT.is_match(line.text)
            || COUNTER.is_match(line.text)
            || VIDEO.is_match(line.text))
}
