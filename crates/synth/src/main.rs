//! `parallax-synth N OUT.jsonl [SEED]`: writes N fictional news articles as JSON lines, for
//! benchmarks at scales no hand-written corpus reaches.
//!
//! Every article reports one of about N/8 events (story sizes are skewed: a few events get
//! dozens of articles, many get one or two). An event has a kind (fire, flood, strike,
//! election, trial, crash, match, earnings, storm, protest), a place, people, an
//! organisation, numbers and a date, all invented from syllables; each article tells it in
//! its own selection and order of sentences, with synonyms, filler and a publication time
//! up to three days after the event. About half the outlets print each of the two things
//! people said at an event of its kind, in full, trimmed to a sentence, split by the
//! attribution or reported in the outlet's words. Each line also carries its `event`
//! number, the truth to score story grouping against, and `quotes`, which of the event's
//! two utterances it prints and the paragraph that prints each (the truth for quotation
//! alignment). The output is
//! deterministic for a given seed.

use std::io::{BufWriter, Write};

/// A small, fast, seedable generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const ONSETS: &[&str] = &[
    "k", "v", "br", "t", "l", "m", "s", "d", "h", "r", "n", "g", "st", "f", "p", "tr", "j", "sk",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ei", "au", "y", "ø"];
const CODAS: &[&str] = &[
    "", "n", "r", "l", "s", "k", "nd", "rt", "m", "th", "v", "st",
];

fn syllable(r: &mut Rng) -> String {
    format!("{}{}{}", r.pick(ONSETS), r.pick(VOWELS), r.pick(CODAS))
}

fn name(r: &mut Rng, syllables: usize) -> String {
    let mut s: String = (0..syllables).map(|_| syllable(r)).collect();
    if let Some(first) = s.get(..1) {
        s = first.to_uppercase() + &s[1..];
    }
    s
}

struct Event {
    kind: usize,
    place: String,
    region: String,
    person: String,
    official: String,
    org: String,
    count: u32,
    amount: u32,
    day: u32,
    month: u32,
}

const KINDS: &[(&str, &[&str])] = &[
    ("fire", &[
        "A fire broke out at the {org} warehouse in {place} on {weekday}, the fire service said.",
        "Firefighters fought the blaze for {count} hours before bringing it under control.",
        "About {amount} workers were evacuated from the {org} site, fire chief {official} said.",
        "The cause of the fire in {place} is being investigated, police said.",
        "{person}, who works at the site, said the roof collapsed within an hour.",
        "Smoke from the burning warehouse could be seen across {region}.",
    ]),
    ("flood", &[
        "Floodwater forced {amount} residents of {place} from their homes on {weekday}.",
        "The river rose by {count} metres overnight, the {region} flood authority said.",
        "Mayor {official} declared an emergency in {place} and opened two shelters.",
        "{person} said the water reached the first floor of her house within minutes.",
        "Rescue teams from {org} used boats to reach families on the east bank.",
        "Forecasters expect more rain across {region} later in the week.",
    ]),
    ("strike", &[
        "Workers at {org} in {place} walked out on {weekday} in a dispute over pay.",
        "The union is demanding a {count} percent rise for {amount} staff, its leader {person} said.",
        "{org} said it had made a fair offer and was ready to return to talks.",
        "Pickets gathered at the gates of the {org} plant in {place}.",
        "Regional minister {official} urged both sides to meet this week.",
        "Deliveries across {region} could be delayed if the strike continues.",
    ]),
    ("election", &[
        "{person} won the mayoral election in {place} on {weekday} with {count} percent of the vote.",
        "Turnout reached {amount} voters, the {region} electoral commission said.",
        "Outgoing mayor {official} conceded defeat late in the evening.",
        "{person}, a former teacher, promised to rebuild the harbour and cut local taxes.",
        "The {org} party lost control of the {place} council for the first time in decades.",
        "Counting in two districts of {place} continued through the night.",
    ]),
    ("trial", &[
        "The trial of {person}, a former director of {org}, opened in {place} on {weekday}.",
        "Prosecutors accuse {person} of taking {amount} thousand crowns in bribes.",
        "Judge {official} said the hearing would last about {count} weeks.",
        "{person} denies all the charges, his lawyer told the court.",
        "{org} said it was cooperating fully with the prosecutors in {region}.",
        "A dozen witnesses from {place} are expected to testify.",
    ]),
    ("crash", &[
        "A bus carrying {count} passengers crashed on the highway near {place} on {weekday}.",
        "{amount} people were taken to hospital, the {region} ambulance service said.",
        "Police said the driver, {person}, lost control on an icy bend.",
        "The bus was operated by {org}, which said it was shocked by the accident.",
        "Transport minister {official} ordered checks on all coaches run by {org}.",
        "The road near {place} was closed for most of the day.",
    ]),
    ("match", &[
        "{org} beat their rivals {count}-1 in the {region} cup final in {place} on {weekday}.",
        "Striker {person} scored twice in the first half.",
        "A crowd of {amount} watched the match at the stadium in {place}.",
        "Manager {official} said the win was the best day of his career.",
        "{org} last won the cup more than thirty years ago.",
        "Fans celebrated in the streets of {place} until late at night.",
    ]),
    ("earnings", &[
        "{org} reported a {count} percent rise in quarterly profit on {weekday}.",
        "Net profit rose to {amount} million crowns, beating analysts' forecasts.",
        "Chief executive {person} said demand across {region} had been strong.",
        "Shares in {org} rose in early trading in {place}.",
        "Finance director {official} said the company would raise its dividend.",
        "{org} employs several thousand people in {region}.",
    ]),
    ("storm", &[
        "A storm with winds of up to {count}0 kilometres an hour hit {place} on {weekday}.",
        "About {amount} homes across {region} lost power, the grid operator {org} said.",
        "A falling tree injured {person}, who was walking home, police said.",
        "Governor {official} asked residents of {place} to stay indoors.",
        "Ferries between {place} and the islands were cancelled for the day.",
        "Crews from {org} worked through the night to restore power.",
    ]),
    ("protest", &[
        "Thousands marched through {place} on {weekday} against plans to close the local hospital.",
        "Organisers said {amount} people took part; police put the number lower.",
        "Protest leader {person} said the closure would leave {region} without emergency care.",
        "Health minister {official} said no final decision had been taken.",
        "The hospital is run by {org}, which says it cannot afford to keep it open.",
        "The march through {place} passed off peacefully, police said.",
    ]),
];

/// What people say in each kind of event, two utterances a kind: who says it (`{official}`
/// or `{person}`), its two sentences, and the same words reported in an outlet's own.
const SAYINGS: &[&[(&str, &str, &str, &str)]] = &[
    &[
        (
            "{official}",
            "We got every worker out of the building in time.",
            "The warehouse itself could not be saved.",
            "every worker had been brought out of the building in time",
        ),
        (
            "{person}",
            "The smoke was everywhere within minutes.",
            "We ran for the car park and did not look back.",
            "the smoke had spread through the building within minutes",
        ),
    ],
    &[
        (
            "{official}",
            "This is the worst flood the town has seen in forty years.",
            "Nobody should go back home until the water has gone down.",
            "it was the worst flood the town had seen in forty years",
        ),
        (
            "{person}",
            "We lost everything on the ground floor.",
            "The water came in faster than anyone expected.",
            "the family had lost everything on the ground floor",
        ),
    ],
    &[
        (
            "{person}",
            "Our members have waited three years for a fair deal.",
            "We will stay out until the company listens.",
            "the members had waited three years for a fair deal",
        ),
        (
            "{official}",
            "Both sides need to be back at the table this week.",
            "The region cannot afford a long dispute.",
            "both sides needed to be back at the table this week",
        ),
    ],
    &[
        (
            "{person}",
            "Tonight the people of this town have chosen change.",
            "I will start work on the harbour on Monday.",
            "the voters had chosen change",
        ),
        (
            "{official}",
            "I accept the result and I wish my successor well.",
            "It has been an honour to serve.",
            "he accepted the result and wished his successor well",
        ),
    ],
    &[
        (
            "{person}",
            "I have never taken a bribe in my life.",
            "I will prove my innocence in this court.",
            "he had never taken a bribe in his life",
        ),
        (
            "{official}",
            "The court will hear every witness before it reaches a verdict.",
            "Nobody should draw conclusions yet.",
            "the court would hear every witness before reaching a verdict",
        ),
    ],
    &[
        (
            "{official}",
            "Every coach on these roads will be inspected before the weekend.",
            "We owe that to the families.",
            "every coach on the roads would be inspected before the weekend",
        ),
        (
            "{person}",
            "The road was covered in ice and the bus began to slide.",
            "There was nothing I could do.",
            "the road had been covered in ice when the bus began to slide",
        ),
    ],
    &[
        (
            "{official}",
            "This is the best day of my career.",
            "The players gave everything for this town.",
            "it was the best day of his career",
        ),
        (
            "{person}",
            "I dreamed of scoring in a final when I was a boy.",
            "Today it came true twice.",
            "he had dreamed of scoring in a final as a boy",
        ),
    ],
    &[
        (
            "{person}",
            "Demand across the region has been stronger than we planned for.",
            "We expect the second half to be just as good.",
            "demand across the region had been stronger than planned",
        ),
        (
            "{official}",
            "We will raise the dividend for the third year running.",
            "Our balance sheet has never been healthier.",
            "the company would raise its dividend for the third year running",
        ),
    ],
    &[
        (
            "{official}",
            "Stay indoors until the wind has dropped.",
            "Crews cannot reach every street tonight.",
            "residents should stay indoors until the wind had dropped",
        ),
        (
            "{person}",
            "The tree came down just behind me.",
            "I was lucky to walk away.",
            "the tree had come down just behind him",
        ),
    ],
    &[
        (
            "{person}",
            "Closing this hospital would leave a whole region without emergency care.",
            "We will march every week until the plan is dropped.",
            "closing the hospital would leave the region without emergency care",
        ),
        (
            "{official}",
            "No final decision on the hospital has been taken.",
            "We are listening to the people of the region.",
            "no final decision on the hospital had been taken",
        ),
    ],
];

/// One utterance as an outlet prints it: `form` 0 in full, 1 its first sentence only, 2
/// split by the attribution, 3 reported in the outlet's words; `straight` uses typewriter
/// marks instead of curly ones.
fn saying(
    speaker: &str,
    first: &str,
    second: &str,
    reported: &str,
    form: usize,
    straight: bool,
) -> String {
    let surname = speaker.rsplit(' ').next().unwrap_or(speaker);
    let (open, close) = if straight {
        ("\"", "\"")
    } else {
        ("“", "”")
    };
    let comma = |s: &str| format!("{},", s.trim_end_matches('.'));
    match form {
        0 => format!("{open}{first} {}{close} {surname} said.", comma(second)),
        1 => format!("{open}{}{close} said {speaker}.", comma(first)),
        2 => format!(
            "{open}{}{close} {surname} said. {open}{second}{close}",
            comma(first)
        ),
        _ => format!("{speaker} said {reported}."),
    }
}

const FILLER: &[&str] = &[
    "More details are expected later in the day.",
    "Officials declined to comment further.",
    "The story is developing.",
    "Local media reported the news first.",
    "It was not immediately clear what would happen next.",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const SWAPS: &[(&str, &str)] = &[
    ("said", "told reporters"),
    ("about", "around"),
    ("on ", "early on "),
    ("people", "residents"),
];

fn event(r: &mut Rng) -> Event {
    Event {
        kind: r.below(KINDS.len()),
        place: name(r, 2),
        region: name(r, 3),
        person: format!("{} {}", name(r, 2), name(r, 2)),
        official: format!("{} {}", name(r, 2), name(r, 3)),
        org: format!(
            "{} {}",
            name(r, 2),
            r.pick(&[
                "Group",
                "Line",
                "Foods",
                "United",
                "Energy",
                "Bank",
                "Care",
                "Transport"
            ])
        ),
        count: 2 + r.below(60) as u32,
        amount: 10 * (5 + r.below(900) as u32),
        day: 1 + r.below(28) as u32,
        month: 1 + r.below(12) as u32,
    }
}

fn article(r: &mut Rng, e: &Event) -> (String, String, String, Vec<(usize, String)>) {
    let (_, templates) = KINDS[e.kind];
    let weekday = WEEKDAYS[(e.day as usize + e.month as usize) % 7];
    let fill = |t: &str| {
        t.replace("{org}", &e.org)
            .replace("{place}", &e.place)
            .replace("{region}", &e.region)
            .replace("{person}", &e.person)
            .replace("{official}", &e.official)
            .replace("{count}", &e.count.to_string())
            .replace("{amount}", &e.amount.to_string())
            .replace("{weekday}", weekday)
    };
    let mut order: Vec<usize> = (0..templates.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, r.below(i + 1));
    }
    // The lead sentence first, then a random selection of the others.
    order.retain(|&i| i != 0);
    order.insert(0, 0);
    let keep = 3 + r.below(templates.len() - 2);
    let mut paragraphs: Vec<String> = order[..keep].iter().map(|&i| fill(templates[i])).collect();
    for p in paragraphs.iter_mut() {
        if r.below(4) == 0 {
            let (a, b) = r.pick(SWAPS);
            *p = p.replacen(a, b, 1);
        }
    }
    // Each utterance of the event's kind is printed by about half the outlets, in one of
    // four forms, after the lead.
    let straight = r.below(3) == 0;
    let mut said = Vec::new();
    for (k, &(who, first, second, reported)) in SAYINGS[e.kind].iter().enumerate() {
        if r.below(2) == 0 {
            let speaker = fill(who);
            let form = r.below(4);
            let at = 1 + r.below(paragraphs.len());
            let printed = saying(&speaker, first, second, reported, form, straight);
            paragraphs.insert(at, printed.clone());
            said.push((k, printed));
        }
    }
    if r.below(2) == 0 {
        paragraphs.push(r.pick(FILLER).to_string());
    }
    let title = paragraphs[0]
        .trim_end_matches('.')
        .split(", ")
        .next()
        .unwrap_or("")
        .to_string();
    let hours = r.below(72);
    let published = format!(
        "2026-{:02}-{:02}T{:02}:{:02}:00+01:00",
        e.month,
        e.day.min(28),
        (6 + hours) % 24,
        r.below(60)
    );
    (title, published, paragraphs.join("\n\n"), said)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(n), Some(out)) = (
        args.get(1).and_then(|n| n.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: parallax-synth N OUT.jsonl|OUT.warc|OUT.warc.gz [SEED] [PAD]");
        std::process::exit(2);
    };
    let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(7u64) | 1;
    // Bytes of page furniture (a comment section) added to each page of a crawl file, to
    // make files of one number of articles and different sizes.
    let pad: usize = args.get(4).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut r = Rng(seed);
    let events: Vec<Event> = (0..(n / 8).max(1)).map(|_| event(&mut r)).collect();
    let outlets: Vec<String> = (0..200)
        .map(|_| {
            format!(
                "The {} {}",
                name(&mut r, 2),
                r.pick(&["Courier", "Post", "Herald", "Times", "Daily", "Voice"])
            )
        })
        .collect();
    let file = std::fs::File::create(out).unwrap_or_else(|e| {
        eprintln!("parallax-synth: cannot create {out}: {e}");
        std::process::exit(1);
    });
    let mut w = BufWriter::new(file);
    // A crawl file: each article as an HTML page in a WARC response record (gzip-compressed
    // record by record for .warc.gz, as Common Crawl writes them).
    let warc = out.ends_with(".warc") || out.ends_with(".warc.gz");
    let gz = out.ends_with(".gz");
    for k in 0..n {
        // Skewed story sizes: squaring a uniform draw favours low event numbers.
        let u = r.below(1 << 20) as f64 / (1u64 << 20) as f64;
        let index = ((u * u) * events.len() as f64) as usize;
        let e = &events[index];
        let (title, published, text, said) = article(&mut r, e);
        if warc {
            let outlet = r.pick(&outlets).to_string();
            let record = warc_record(k, &title, &outlet, &published, &text, pad);
            if gz {
                let mut z = flate2::write::GzEncoder::new(&mut w, flate2::Compression::fast());
                z.write_all(&record).expect("write");
                z.finish().expect("write");
            } else {
                w.write_all(&record).expect("write");
            }
            continue;
        }
        let line = serde_json::json!({
            "id": format!("s{k:07}"),
            "title": title,
            "outlet": r.pick(&outlets),
            "published": published,
            "text": text,
            "event": index,
            "quotes": said
                .iter()
                .map(|(k, printed)| serde_json::json!({"utterance": k, "printed": printed}))
                .collect::<Vec<_>>(),
        });
        writeln!(w, "{line}").expect("write");
    }
    w.flush().expect("flush");
}

/// Text with the five HTML-special characters escaped.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// One article as a WARC response record: an HTTP response holding a news page with the
/// usual furniture around the article (navigation, share bar, related links, footer).
fn warc_record(
    k: usize,
    title: &str,
    outlet: &str,
    published: &str,
    text: &str,
    pad: usize,
) -> Vec<u8> {
    let comment = "<p>Great to see this covered, thank you for the clear report.</p>\n";
    let comments = format!(
        "<section class=\"comments\">{}</section>\n",
        comment.repeat(pad / comment.len())
    );
    let paragraphs: String = text
        .split("\n\n")
        .map(|p| format!("<p>{}</p>\n", escape(p.trim())))
        .collect();
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>{t} | {o}</title>\n\
         <meta property=\"og:site_name\" content=\"{o}\">\n\
         <meta property=\"article:published_time\" content=\"{published}\">\n\
         <script>window.dataLayer = [];</script></head>\n<body>\n\
         <header class=\"masthead\"><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav></header>\n\
         <main><article class=\"story\"><h1>{t}</h1>\n\
         <div class=\"share-bar\"><a href=\"#\">Share</a> <a href=\"#\">Tweet</a></div>\n\
         <div class=\"story-body\">\n{paragraphs}</div>\n\
         <aside class=\"related\"><h2>Related</h2><ul><li><a href=\"/a\">More from {o}</a></li></ul></aside>\n\
         </article></main>\n{comments}<footer><p>&copy; 2026 {o}</p></footer>\n</body></html>\n",
        t = escape(title),
        o = escape(outlet),
    );
    let http = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\r\n{page}",
        page.len()
    );
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/{k}\r\n\
         WARC-Date: {published}\r\nWARC-Record-ID: <urn:uuid:synth-{k}>\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        http.len()
    )
    .into_bytes();
    record.extend_from_slice(http.as_bytes());
    record.extend_from_slice(b"\r\n\r\n");
    record
}
