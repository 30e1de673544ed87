//! Synthetic projects for benchmarks: N articles in the styles analysts paste (several outlets
//! and camps, English, Ukrainian and Russian, relays, furniture, syndicated copies), imported
//! through the real importer so they look exactly like imported files. Deterministic by seed.

use std::fmt::Write as _;
use std::path::Path;

use crate::ingest;
use crate::model::{Article, Project};

/// A small deterministic generator (SplitMix64): the same seed gives the same project.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A front-line place: English name, Ukrainian and Russian genitive (as "near X" takes them).
struct Place {
    en: &'static str,
    uk: &'static str,
    ru: &'static str,
    oblast: &'static str,
}

const PLACES: &[Place] = &[
    Place {
        en: "Pokrovsk",
        uk: "Покровська",
        ru: "Покровска",
        oblast: "Donetsk",
    },
    Place {
        en: "Kupiansk",
        uk: "Куп'янська",
        ru: "Купянска",
        oblast: "Kharkiv",
    },
    Place {
        en: "Chasiv Yar",
        uk: "Часового Яру",
        ru: "Часова Яра",
        oblast: "Donetsk",
    },
    Place {
        en: "Toretsk",
        uk: "Торецька",
        ru: "Торецка",
        oblast: "Donetsk",
    },
    Place {
        en: "Kurakhove",
        uk: "Курахового",
        ru: "Курахово",
        oblast: "Donetsk",
    },
    Place {
        en: "Vuhledar",
        uk: "Вугледара",
        ru: "Угледара",
        oblast: "Donetsk",
    },
    Place {
        en: "Lyman",
        uk: "Лимана",
        ru: "Лимана",
        oblast: "Donetsk",
    },
    Place {
        en: "Siversk",
        uk: "Сіверська",
        ru: "Северска",
        oblast: "Donetsk",
    },
    Place {
        en: "Huliaipole",
        uk: "Гуляйполя",
        ru: "Гуляйполя",
        oblast: "Zaporizhzhia",
    },
    Place {
        en: "Kostiantynivka",
        uk: "Костянтинівки",
        ru: "Константиновки",
        oblast: "Donetsk",
    },
    Place {
        en: "Vovchansk",
        uk: "Вовчанська",
        ru: "Волчанска",
        oblast: "Kharkiv",
    },
    Place {
        en: "Myrnohrad",
        uk: "Мирнограда",
        ru: "Мирнограда",
        oblast: "Donetsk",
    },
    Place {
        en: "Sudzha",
        uk: "Суджі",
        ru: "Суджи",
        oblast: "Kursk",
    },
    Place {
        en: "Velyka Novosilka",
        uk: "Великої Новосілки",
        ru: "Великой Новоселки",
        oblast: "Donetsk",
    },
    Place {
        en: "Orikhiv",
        uk: "Оріхова",
        ru: "Орехова",
        oblast: "Zaporizhzhia",
    },
    Place {
        en: "Kherson",
        uk: "Херсона",
        ru: "Херсона",
        oblast: "Kherson",
    },
    Place {
        en: "Selydove",
        uk: "Селидового",
        ru: "Селидово",
        oblast: "Donetsk",
    },
    Place {
        en: "Borova",
        uk: "Борової",
        ru: "Боровой",
        oblast: "Kharkiv",
    },
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Uk,
    Ru,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Text copied from a browser, furniture and all.
    Pasted,
    /// Markdown with YAML front matter, as scrapers save it.
    FrontMatter,
    /// `Title:`/`URL:`/`Date:` header lines, then the text.
    KeyValue,
    /// A Telegram post saved with `Date:`/`Source:` lines.
    Post,
    /// A scraper's JSON record.
    Record,
}

struct Outlet {
    name: &'static str,
    domain: &'static str,
    lang: Lang,
    shape: Shape,
    /// Lines the outlet puts around every story.
    top: &'static [&'static str],
    bottom: &'static [&'static str],
    /// Which voices its stories quote, as indexes into the voice list of its language.
    voices: &'static [Voice],
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Voice {
    UkrOfficial,
    RusOfficial,
    Milblogger,
    Isw,
    Relay,
}

const OUTLETS: &[Outlet] = &[
    Outlet {
        name: "Kyiv Independent",
        domain: "kyivindependent.com",
        lang: Lang::En,
        shape: Shape::Pasted,
        top: &[
            "The Power Within: The Kyiv Independent’s first-ever magazine. Be among the first to get it.",
            "pre-order now",
            "Skip to content",
            "Edit post",
        ],
        bottom: &[
            "Support independent journalism in Ukraine. Become a member today.",
            "Share on Facebook",
            "Share on X",
            "Most popular",
            "Subscribe to our newsletter",
        ],
        voices: &[
            Voice::UkrOfficial,
            Voice::UkrOfficial,
            Voice::Relay,
            Voice::Isw,
        ],
    },
    Outlet {
        name: "Institute for the Study of War",
        domain: "understandingwar.org",
        lang: Lang::En,
        shape: Shape::FrontMatter,
        top: &[
            "Click here to see ISW’s interactive map of the Russian invasion of Ukraine. This map is updated daily alongside the static maps present in this report.",
            "TIPxMake a text selection to add comments",
        ],
        bottom: &[
            "Note: ISW does not receive any classified material from any source, uses only publicly available information, and draws extensively on Russian, Ukrainian, and Western reporting and social media.",
            "Cookie settings",
        ],
        voices: &[
            Voice::Isw,
            Voice::Milblogger,
            Voice::RusOfficial,
            Voice::UkrOfficial,
        ],
    },
    Outlet {
        name: "Al Jazeera",
        domain: "aljazeera.com",
        lang: Lang::En,
        shape: Shape::Pasted,
        top: &[
            "Skip links",
            "Skip to Content",
            "Live",
            "Russia-Ukraine war",
        ],
        bottom: &[
            "Source: Al Jazeera and news agencies",
            "Share",
            "Click here to share on social media",
            "Related",
        ],
        voices: &[Voice::UkrOfficial, Voice::RusOfficial, Voice::Relay],
    },
    Outlet {
        name: "RBC-Ukraine",
        domain: "rbc.ua",
        lang: Lang::Uk,
        shape: Shape::KeyValue,
        top: &["Новини", "Війна в Україні"],
        bottom: &[
            "Читайте також",
            "Підписуйтесь на наш Telegram-канал",
            "Поділитися у Facebook",
        ],
        voices: &[Voice::UkrOfficial, Voice::UkrOfficial, Voice::Relay],
    },
    Outlet {
        name: "Ukrainska Pravda",
        domain: "pravda.com.ua",
        lang: Lang::Uk,
        shape: Shape::Pasted,
        top: &["Українська правда", "Головне", "Новини", "Війна"],
        bottom: &[
            "Реклама:",
            "Підтримайте Українську правду",
            "Якщо ви помітили помилку, виділіть необхідний текст і натисніть Ctrl + Enter",
        ],
        voices: &[Voice::UkrOfficial, Voice::Isw, Voice::Relay],
    },
    Outlet {
        name: "BBC News Russian",
        domain: "bbc.com",
        lang: Lang::Ru,
        shape: Shape::KeyValue,
        top: &["Перейти к содержанию", "Главная", "Война в Украине"],
        bottom: &[
            "Подпишитесь на нашу рассылку",
            "Поделиться в Telegram",
            "Би-би-си не несет ответственности за содержание сторонних сайтов.",
        ],
        voices: &[
            Voice::UkrOfficial,
            Voice::RusOfficial,
            Voice::Milblogger,
            Voice::Relay,
        ],
    },
    Outlet {
        name: "RIA Novosti",
        domain: "ria.ru",
        lang: Lang::Ru,
        shape: Shape::Post,
        top: &[],
        bottom: &["Подписаться на РИА Новости"],
        voices: &[Voice::RusOfficial, Voice::RusOfficial, Voice::Relay],
    },
    Outlet {
        name: "Rybar",
        domain: "t.me",
        lang: Lang::Ru,
        shape: Shape::Post,
        top: &[],
        bottom: &["#карта #хроника", "@rybar"],
        voices: &[Voice::Milblogger, Voice::Milblogger, Voice::RusOfficial],
    },
    Outlet {
        name: "TASS",
        domain: "tass.com",
        lang: Lang::En,
        shape: Shape::Record,
        top: &[],
        bottom: &[],
        voices: &[Voice::RusOfficial, Voice::RusOfficial, Voice::Relay],
    },
];

fn sentence(rng: &mut Rng, lang: Lang, voice: Voice, place: &Place, day: &str) -> String {
    let n = 3 + rng.below(40);
    let p = place;
    match (lang, voice) {
        (Lang::En, Voice::UkrOfficial) => match rng.below(4) {
            0 => format!(
                "Ukraine's General Staff said on {day} that Ukrainian forces repelled {n} Russian assaults near {}.",
                p.en
            ),
            1 => format!(
                "The Russian army is failing to outflank {} in {} Oblast, a spokesperson for Ukraine's Khortytsia group of forces, Viktor Trehubov, said on {day}.",
                p.en, p.oblast
            ),
            2 => format!(
                "\"Our defenders are holding their positions near {}, and the enemy has suffered heavy losses,\" Commander-in-Chief Oleksandr Syrskyi said.",
                p.en
            ),
            _ => format!(
                "According to Ukraine's General Staff, {n} combat clashes took place on the {} axis over the past day.",
                p.en
            ),
        },
        (Lang::En, Voice::RusOfficial) => match rng.below(3) {
            0 => format!(
                "Russia's Defense Ministry claimed on {day} that its forces had captured {}, a claim that could not be independently verified.",
                p.en
            ),
            1 => format!(
                "The Russian Defense Ministry said its troops had taken control of {} in {} Oblast.",
                p.en, p.oblast
            ),
            _ => format!(
                "Russian Defense Ministry spokesperson Igor Konashenkov said Russian units inflicted losses on Ukrainian forces near {}.",
                p.en
            ),
        },
        (Lang::En, Voice::Milblogger) => match rng.below(3) {
            0 => format!(
                "Russian milbloggers claimed on {day} that Russian forces advanced into the outskirts of {}, but ISW has not observed confirmation of this claim.",
                p.en
            ),
            1 => format!(
                "A prominent Russian milblogger claimed that Russian forces seized several positions near {}.",
                p.en
            ),
            _ => format!(
                "Rybar claimed that Russian assault groups advanced up to 1.5 kilometers west of {}.",
                p.en
            ),
        },
        (Lang::En, Voice::Isw) => match rng.below(3) {
            0 => format!(
                "Geolocated footage published on {day} indicates that Russian forces recently advanced in central {}.",
                p.en
            ),
            1 => format!(
                "ISW assesses that Russian forces are unlikely to seize {} in the near term.",
                p.en
            ),
            _ => format!(
                "The Institute for the Study of War said Russian forces had made marginal gains near {}.",
                p.en
            ),
        },
        (Lang::En, Voice::Relay) => match rng.below(2) {
            0 => format!(
                "According to TASS, the Russian Defense Ministry said its forces had liberated a village near {}.",
                p.en
            ),
            _ => format!(
                "Reuters reported, citing Ukraine's General Staff, that fighting continued near {}.",
                p.en
            ),
        },
        (Lang::Uk, Voice::UkrOfficial) => match rng.below(3) {
            0 => format!(
                "Генштаб ЗСУ повідомив, що за минулу добу поблизу {} ворог {n} разів атакував позиції українських захисників.",
                p.uk
            ),
            1 => format!(
                "Речник Угруповання військ \"Хортиця\" Віктор Трегубов заявив, що росіяни не змогли оточити Сили оборони в районі {}.",
                p.uk
            ),
            _ => format!(
                "\"Наші воїни утримують позиції поблизу {}, противник зазнає значних втрат\", - заявив Олександр Сирський.",
                p.uk
            ),
        },
        (Lang::Uk, Voice::Isw) => format!(
            "Аналітики Інституту вивчення війни (ISW) вважають, що російські війська просунулися поблизу {}.",
            p.uk
        ),
        (Lang::Uk, _) => match rng.below(2) {
            0 => format!(
                "Як повідомляє Генеральний штаб, у районі {} тривають бої.",
                p.uk
            ),
            _ => format!(
                "Міноборони Росії заявило про захоплення населеного пункту поблизу {}, але ця інформація не підтверджена.",
                p.uk
            ),
        },
        (Lang::Ru, Voice::UkrOfficial) => format!(
            "Генштаб ВСУ заявил, что за сутки в районе {} было отбито {n} атак российских войск.",
            p.ru
        ),
        (Lang::Ru, Voice::RusOfficial) => match rng.below(2) {
            0 => format!(
                "Подразделения группировки войск \"Центр\" нанесли поражение ВСУ в районе {}, сообщили в Минобороны России.",
                p.ru
            ),
            _ => format!(
                "Минобороны России сообщило об освобождении населённого пункта в районе {}.",
                p.ru
            ),
        },
        (Lang::Ru, Voice::Milblogger) => match rng.below(2) {
            0 => format!(
                "По данным военкора Рыбарь, штурмовые подразделения продвинулись на окраинах {}.",
                p.ru
            ),
            _ => format!(
                "Военкоры сообщают о тяжёлых боях в районе {}, противник перебрасывает резервы.",
                p.ru
            ),
        },
        (Lang::Ru, _) => format!(
            "Как сообщает ТАСС со ссылкой на Минобороны, бои в районе {} продолжаются.",
            p.ru
        ),
    }
}

fn background(rng: &mut Rng, lang: Lang, place: &Place) -> String {
    let p = place;
    match lang {
        Lang::En => rng
            .pick(&[
                format!("The area near {}, a crucial logistics hub for Ukrainian forces, has been the focus of fierce fighting for months as Russia intensifies its offensive.", p.en),
                "Ukraine has been facing manpower shortages along the front line, while Russia continues to send assault groups in small numbers.".to_owned(),
                format!("Local residents walk past destroyed houses in {}, approximately 10 kilometers from the front line.", p.en),
                "Western partners have pledged additional air defense systems and artillery ammunition in recent weeks.".to_owned(),
                "Talks on a ceasefire have made little progress, and both sides continue to strike energy infrastructure.".to_owned(),
            ])
            .clone(),
        Lang::Uk => rng
            .pick(&[
                format!("Ситуація на напрямку {} залишається складною, противник не припиняє штурмових дій.", p.uk),
                "Україна отримала від партнерів нові системи протиповітряної оборони та боєприпаси.".to_owned(),
                "Евакуація мешканців прифронтових громад триває, місцева влада закликає людей виїхати.".to_owned(),
                "Переговори про припинення вогню поки що не дали результату.".to_owned(),
            ])
            .clone(),
        Lang::Ru => rng
            .pick(&[
                format!("Обстановка в районе {} остаётся напряжённой.", p.ru),
                "Западные страны объявили о новых поставках вооружений Киеву.".to_owned(),
                "Жители прифронтовых сёл продолжают покидать свои дома.".to_owned(),
                "Переговоры о прекращении огня пока не принесли результата.".to_owned(),
            ])
            .clone(),
    }
}

fn title(rng: &mut Rng, lang: Lang, place: &Place) -> String {
    match lang {
        Lang::En => rng
            .pick(&[
                format!(
                    "Russian army failing to outflank {}, Ukraine's military says",
                    place.en
                ),
                format!("Russia claims capture of village near {}", place.en),
                format!(
                    "Russian Offensive Campaign Assessment: fighting near {}",
                    place.en
                ),
                format!("Heavy fighting continues on the {} front", place.en),
            ])
            .clone(),
        Lang::Uk => format!("Бої поблизу {}: що відомо станом на ранок", place.uk),
        Lang::Ru => format!("Бои в районе {}: главное к этому часу", place.ru),
    }
}

/// One generated article file: its name and bytes.
fn article_file(rng: &mut Rng, i: usize) -> (String, String) {
    let outlet = rng.pick(OUTLETS);
    let place = rng.pick(PLACES);
    let second = rng.pick(PLACES);
    // Six months of reporting, October 2024 to March 2025.
    let month = [10u32, 11, 12, 1, 2, 3][rng.below(6)];
    let year = if month >= 10 { 2024 } else { 2025 };
    let dom = 1 + rng.below(28) as u32;
    let date = format!("{year}-{month:02}-{dom:02}");
    let day_words = match outlet.lang {
        Lang::En => format!(
            "{} {dom}",
            [
                "Jan.", "Feb.", "March", "", "", "", "", "", "", "Oct.", "Nov.", "Dec."
            ][month as usize - 1]
        ),
        Lang::Uk | Lang::Ru => date.clone(),
    };
    let title = title(rng, outlet.lang, place);
    let mut body: Vec<String> = Vec::new();
    let paragraphs = 9 + rng.below(12);
    for _ in 0..paragraphs {
        let mut para = String::new();
        let k = 1 + rng.below(3);
        for s in 0..k {
            if s > 0 {
                para.push(' ');
            }
            let pl = if rng.chance(70) { place } else { second };
            if rng.chance(55) {
                let v = *rng.pick(outlet.voices);
                para.push_str(&sentence(rng, outlet.lang, v, pl, &day_words));
            } else {
                para.push_str(&background(rng, outlet.lang, pl));
            }
        }
        body.push(para);
    }
    let slug: String = title
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(24)
        .collect::<String>()
        .to_lowercase();
    let url = format!("https://{}/news/{date}/{slug}-{i}", outlet.domain);
    let author = *rng.pick(&[
        "Kateryna Hodunova",
        "Olena Koval",
        "Ivan Petrenko",
        "Christina Harward",
        "Анна Смирнова",
    ]);
    let mut text = String::new();
    let name = match outlet.shape {
        Shape::Record => {
            let v = serde_json::json!({
                "title": title,
                "url": url,
                "published": format!("{date}T09:{:02}:00Z", rng.below(60)),
                "source": outlet.name,
                "text": body,
            });
            text = v.to_string();
            format!("{i:05}.json")
        }
        shape => {
            match shape {
                Shape::FrontMatter => {
                    let _ = write!(
                        text,
                        "---\ntitle: \"{title} | {}\"\nsource: {url}\ndate: {date}\nauthor: {author}\n---\n\n",
                        outlet.name
                    );
                }
                Shape::KeyValue => {
                    let _ = write!(text, "Title: {title}\nURL: {url}\nDate: {date}\n\n");
                }
                Shape::Post => {
                    let _ = write!(text, "Date: {date}\nSource: {}\n\n", outlet.name);
                }
                Shape::Pasted | Shape::Record => {}
            }
            for l in outlet.top {
                text.push_str(l);
                text.push('\n');
            }
            if shape != Shape::Post {
                let _ = write!(
                    text,
                    "\n{title}\n\nby {author} {day_words}, {year} 2 min read\n\n"
                );
            }
            for (k, p) in body.iter().enumerate() {
                text.push_str(p);
                text.push_str("\n\n");
                if k == 4 && shape == Shape::Pasted {
                    let teaser = title_of_other(rng, outlet.lang);
                    let _ = write!(text, "Read also: {teaser}\n\n");
                }
            }
            for l in outlet.bottom {
                text.push_str(l);
                text.push('\n');
            }
            format!(
                "{i:05}.{}",
                if shape == Shape::FrontMatter {
                    "md"
                } else {
                    "txt"
                }
            )
        }
    };
    (name, text)
}

fn title_of_other(rng: &mut Rng, lang: Lang) -> String {
    let p = rng.pick(PLACES);
    title(rng, lang, p)
}

/// The files of a synthetic project of `n` articles: (file name, text). About one in twenty is
/// another outlet's copy of an earlier story (syndication), with its own furniture.
pub fn files(n: usize, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng(seed);
    let mut out: Vec<(String, String)> = Vec::with_capacity(n);
    for i in 0..n {
        if i > 10 && rng.chance(5) {
            let (_, earlier) = &out[rng.below(i)];
            let copy = format!("{earlier}\nThis story was syndicated; copy {i}.\n");
            let ext = if earlier.starts_with('{') {
                "json"
            } else {
                "txt"
            };
            if ext == "json" {
                // A record stays a record: syndicate the next original instead.
                out.push(article_file(&mut rng, i));
            } else {
                out.push((format!("{i:05}.{ext}"), copy));
            }
            continue;
        }
        out.push(article_file(&mut rng, i));
    }
    out
}

/// A synthetic project of `n` articles, each file imported by the real importer.
pub fn project(n: usize, seed: u64) -> Project {
    let mut p = Project::default();
    for (name, text) in files(n, seed) {
        let articles: Vec<Article> =
            ingest::import_bytes(Path::new(&name), text.as_bytes()).unwrap_or_default();
        for a in articles {
            p.add_article(a);
        }
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_varied() {
        let a = files(200, 7);
        assert_eq!(a, files(200, 7));
        assert_ne!(a, files(200, 8));
        let p = project(200, 7);
        // Every file imports to an article (duplicates aside, which the generator avoids).
        assert_eq!(p.articles.len(), 200);
        let langs_seen = |needle: &str| a.iter().any(|(_, t)| t.contains(needle));
        assert!(langs_seen("Генштаб ЗСУ") || langs_seen("Генштаб ВСУ"));
        assert!(a.iter().any(|(n, _)| n.ends_with(".json")));
        assert!(a.iter().any(|(n, _)| n.ends_with(".md")));
        let bytes: usize = a.iter().map(|(_, t)| t.len()).sum();
        // Articles of a few kilobytes, as pasted pages are.
        assert!((2_500..7_000).contains(&(bytes / 200)), "{}", bytes / 200);
    }
}
