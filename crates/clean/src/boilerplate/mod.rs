//! Boilerplate: lines that are not part of the report, each family in its own file.
//!
//! Every family is a function over one [`Line`]; the first that matches gives the line's
//! [`Reason`]. Families look for what a page's furniture says (share bars, sign-up
//! prompts, credits) and how it is shaped (short, link-like, no sentence), never for one
//! site's wording. Long lines that read as reporting are only taken by cues at their very
//! start ("Also Read:", "©"), so a sentence of the report that mentions a newsletter or a
//! cookie stays in.

mod advertisement;
mod author_bio;
mod byline;
mod comment;
mod cookie;
mod copyright;
mod disclaimer;
mod donation;
mod metadata;
mod navigation;
mod newsletter;
mod paywall;
mod photo_caption;
mod related;
mod section_label;
mod share;
mod social;
mod tags;

pub(crate) use byline::author_of;
pub(crate) use section_label::is_opinion_label;

use parallax_model::Reason;

use crate::line::Line;

struct Rule {
    reason: Reason,
    applies: fn(&Line) -> bool,
}

const RULES: &[Rule] = &[
    Rule {
        reason: Reason::Copyright,
        applies: copyright::applies,
    },
    Rule {
        reason: Reason::RelatedLink,
        applies: related::applies,
    },
    Rule {
        reason: Reason::Advertisement,
        applies: advertisement::applies,
    },
    Rule {
        reason: Reason::Byline,
        applies: byline::applies,
    },
    Rule {
        reason: Reason::Share,
        applies: share::applies,
    },
    Rule {
        reason: Reason::Newsletter,
        applies: newsletter::applies,
    },
    Rule {
        reason: Reason::CookieBanner,
        applies: cookie::applies,
    },
    Rule {
        reason: Reason::CommentPrompt,
        applies: comment::applies,
    },
    Rule {
        reason: Reason::DonationAppeal,
        applies: donation::applies,
    },
    Rule {
        reason: Reason::Paywall,
        applies: paywall::applies,
    },
    Rule {
        reason: Reason::PhotoCaption,
        applies: photo_caption::applies,
    },
    Rule {
        reason: Reason::Tags,
        applies: tags::applies,
    },
    Rule {
        reason: Reason::Metadata,
        applies: metadata::applies,
    },
    Rule {
        reason: Reason::SocialFollow,
        applies: social::applies,
    },
    Rule {
        reason: Reason::Navigation,
        applies: navigation::applies,
    },
    Rule {
        reason: Reason::SectionLabel,
        applies: section_label::applies,
    },
    Rule {
        reason: Reason::AuthorBio,
        applies: author_bio::applies,
    },
    Rule {
        reason: Reason::Disclaimer,
        applies: disclaimer::applies,
    },
];

/// Why `line` is boilerplate, or `None` when it belongs to the report.
pub(crate) fn classify(line: &Line) -> Option<Reason> {
    RULES.iter().find(|r| (r.applies)(line)).map(|r| r.reason)
}

/// Builds a case-insensitive regex once.
macro_rules! pattern {
    ($name:ident, $re:expr) => {
        static $name: std::sync::LazyLock<regex::Regex> =
            std::sync::LazyLock::new(|| regex::Regex::new(concat!("(?i)", $re)).unwrap());
    };
}
pub(crate) use pattern;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line::line;

    /// Lines of reporting that mention page furniture and must stay.
    #[test]
    fn reporting_stays() {
        let keep = [
            "The council said it would share the cost of the new bridge with the regional government.",
            "Subscribers to the water company's newsletter were told of the outage two days late, residents said.",
            "“We use cookies from the bakery as rewards,” the teacher said.",
            "By Tuesday evening, the river had risen by two metres.",
            "Photo identification will be required at every polling station, the commission said.",
            "Read more about it in the report, the minister told reporters on Monday.",
            "Comments from the mayor's office came late on Friday.",
            "Follow-up inspections found no further damage.",
            "Decision on Security Guarantees for Ukraine",
            "Significant Progress",
            "Mr Witkoff said it was the first time he had heard Mr Putin agree to that.",
            "Donations to the relief fund reached 2 million euros by Sunday, organisers said.",
            "The company, which employs 3,400 people, is the town's largest employer.",
            "Home Secretary Ana Ruiz visited the site.",
            "He is a former minister who now chairs the board.",
            "Edited footage of the meeting was shared by the council.",
            "More in sorrow than in anger, the mayor said she would resign.",
            "Image rights lawyers said the case could take years.",
            "Sponsored events at the stadium will continue, the club said.",
            "Contributing to the fund is voluntary, the ministry said.",
            // Agencies named in a sentence are not photo credits.
            "“We are cooperating in the matter,” said a spokesperson when contacted by Reuters.",
            "In the US, the maker estimates that could be more like 300 miles on the EPA cycle.",
        ];
        for text in keep {
            assert_eq!(classify(&line(text)), None, "{text}");
        }
    }

    /// One table row per family, from many kinds of site.
    #[test]
    fn boilerplate_goes_with_its_reason() {
        use Reason::*;
        let table = [
            ("Also Read: Pope Leo XIV’s Urgent Plea for Peace as US-Russia Ukraine Summit Begins!", RelatedLink),
            ("RELATED STORY | Zelenskyy of Ukraine will meet Trump on Monday after the meeting.", RelatedLink),
            ("READ MORE: Flood barriers to be raised along the Tarn", RelatedLink),
            ("You may also like", RelatedLink),
            ("Advertisement", Advertisement),
            ("Story continues below advertisement", Advertisement),
            ("By Maren Holt, Senior Correspondent", Byline),
            ("Reporting by Ilse Varga; Editing by Tom Oduya", Byline),
            ("Share on Facebook Share on Twitter Share via Email", Share),
            ("Facebook Twitter WhatsApp Email Copy link", Share),
            ("Sign up for our morning briefing and get the news delivered to your inbox.", Newsletter),
            ("We use cookies to improve your experience. By continuing you accept our cookie policy.", CookieBanner),
            ("Leave a Comment", CommentPrompt),
            ("Comments (14)", CommentPrompt),
            ("Join the conversation", CommentPrompt),
            ("Independent journalism needs your support. Donate today to keep our reporting free.", DonationAppeal),
            ("Become a member from just £3 a month and support our newsroom.", DonationAppeal),
            ("© 2026 The Harbour Gazette. All rights reserved.", Copyright),
            ("Copyright 2026 Norland Wire Agency. This material may not be published or redistributed.", Copyright),
            ("The post Lisk votes against a second bridge appeared first on The Lisk Herald.", Copyright),
            ("Photo: Firefighters at the scene on Tuesday. (Tomas Reyes/Getty Images)", PhotoCaption),
            ("Rescue crews search the riverbank. REUTERS/Ana Lind", PhotoCaption),
            ("Tags: flooding, Tarn valley, climate", Tags),
            ("Categories: U.S.–NATO Relations, Foreign Policy & International Relations", Tags),
            ("Subscribe to continue reading this article.", Paywall),
            ("You have 2 free articles left this month.", Paywall),
            ("Published On:", Metadata),
            ("Updated: March 10, 2026 08:14 CET", Metadata),
            ("4 min read", Metadata),
            ("Follow us on Twitter and Instagram for the latest updates", SocialFollow),
            ("Download our app for breaking news alerts", SocialFollow),
            ("Home > News > Europe", Navigation),
            ("Skip to main content", Navigation),
            ("Opinion", SectionLabel),
            ("The views expressed in this article are the author's own.", Disclaimer),
            ("Image source, Getty Images", PhotoCaption),
            ("(Photo: Kessa Police)", PhotoCaption),
            ("Image 2 of 7", PhotoCaption),
            ("Firefighters at the scene on Tuesday. (Tomas Reyes/Getty Images)", PhotoCaption),
            ("The ferry in Kessa harbour. Photo by Karin Holm", PhotoCaption),
            ("Click to share on X (Opens in new window)", Share),
            ("Contributing: Ilse Varga", Byline),
            ("(With inputs from agencies)", Byline),
            ("Edited by Tom Oduya", Byline),
            ("Sponsored by Meridian Bank", Advertisement),
            ("Most Viewed", RelatedLink),
            ("More in Politics", RelatedLink),
            ("This article originally appeared in the Lisk Herald.", RelatedLink),
            ("Your browser does not support the video tag.", Navigation),
            ("Donate now", DonationAppeal),
            ("Become a member", DonationAppeal),
        ];
        for (text, want) in table {
            let mut l = line(text);
            l.index = 0;
            assert_eq!(classify(&l), Some(want), "{text}");
        }
        // An author note counts only at the end of an article.
        let mut bio = line(
            "Lena Park is a columnist for the Harbour Gazette and writes about city politics.",
        );
        assert_eq!(classify(&bio), None);
        bio.index = 9;
        assert_eq!(classify(&bio), Some(AuthorBio));
    }
}
