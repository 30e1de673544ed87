//! How Ukrainian and Russian place names inflect: the nominative an inflected word can come
//! from, and the adjectives made from names ("Покровський напрямок", "Курська область").

/// Oblique endings and the nominative endings each can come from. An ending maps only to the
/// nominatives of names that decline that way, so "Курської" (a feminine adjective) is no case of
/// the village Курське (neuter) and "Українські" is no case of Українськ (whose locative is
/// "Українську"). Longer endings come first.
const ENDINGS: &[(&str, &[&str])] = &[
    // Names in -ів/-їв keep о/е in the other cases (Харків → Харкова, Київ → Києва, Часів Яр →
    // Часового Яру).
    ("ового", &["ів", "ове", "ово"]),
    ("овому", &["ів", "ове", "ово"]),
    ("овим", &["ів", "ове"]),
    ("овом", &["ів", "ов", "ово"]),
    ("ова", &["ів", "ов", "ово"]),
    ("ову", &["ів", "ов", "ово"]),
    ("ові", &["ів", "ов"]),
    ("євом", &["їв"]),
    ("єва", &["їв"]),
    ("єву", &["їв"]),
    ("єві", &["їв"]),
    // Soft adjectival names (Дальнє → Дальнього, Верхнє → Верхньому).
    ("ього", &["є", "ій"]),
    ("ьому", &["є", "ій"]),
    ("ьої", &["я"]),
    // Adjectival names, masculine and neuter (Курахове, Курське, Красний Лиман, Красное).
    ("ого", &["ий", "е", "ое", "ый", "ой"]),
    ("ому", &["ий", "е", "ое", "ый", "ой"]),
    ("его", &["ее", "ій"]),
    ("ему", &["ее", "ій"]),
    ("ім", &["ий", "е"]),
    ("им", &["ий", "е"]),
    ("ым", &["ый", "ое"]),
    ("ом", &["ый", "ое", "ой", "о", ""]),
    // Adjectival names, feminine (Велика Новосілка, Великая Новосёлка).
    ("ої", &["а"]),
    ("ій", &["а"]),
    ("ую", &["ая"]),
    ("ой", &["ая", "а"]),
    ("ою", &["а", "ая"]),
    // Plurals (Піски → Пісків, Пісках; Пески → Песках).
    ("ами", &["и", "ы"]),
    ("ах", &["и", "ы"]),
    ("ам", &["и", "ы"]),
    ("ів", &["и"]),
    // Nouns in -ка, -га (Авдіївка → Авдіївці), -ле (Гуляйполе → Гуляйполя), -ье (Запорожье).
    ("ці", &["ка"]),
    ("зі", &["га"]),
    ("лем", &["ле"]),
    ("ля", &["ле", "ль"]),
    ("лю", &["ле", "ль"]),
    ("лі", &["ле", "ль"]),
    ("ьем", &["ье", "ь"]),
    ("ья", &["ье"]),
    ("ью", &["ье", "ь"]),
    ("ем", &["ь"]),
    // Other nouns: feminine in -а/-я, masculine in a consonant, Russian neuter in -о.
    ("и", &["а", "я", "ь"]),
    ("ы", &["а"]),
    ("і", &["а", "я", ""]),
    ("у", &["а", "", "о"]),
    ("ю", &["я", "ь"]),
    ("е", &["а", "", "о", "я"]),
    ("а", &["", "о"]),
    ("я", &["ь"]),
];

const CYR_VOWELS: &[char] = &['а', 'е', 'и', 'о', 'у', 'я', 'і', 'ї', 'є', 'ы', 'ю', 'э'];

/// The nominatives a Cyrillic word (normalised) can be an inflected form of, most likely first.
/// The word itself is not among them.
/// `min_stem` is the fewest letters the stem keeps: four for a name of one word ("Сум" is not a
/// name of its own), fewer inside a name of several ("Сухої Балки", "Крутого Яру").
pub(super) fn lemmas(word: &str, min_stem: usize) -> Vec<String> {
    let mut out = Vec::new();
    let n_chars = word.chars().count();
    for (end, noms) in ENDINGS {
        let Some(stem) = word.strip_suffix(end) else {
            continue;
        };
        if n_chars - end.chars().count() < min_stem {
            continue;
        }
        for nom in *noms {
            if nom.is_empty() {
                // A name ending in a consonant: the stem must end in one, and Ukrainian names in
                // -ськ/-цьк take -у in the locative (у Покровську), never -і or -е.
                if stem.ends_with(CYR_VOWELS)
                    || stem.ends_with('й')
                    || stem.ends_with('ь')
                    || (matches!(*end, "і" | "е")
                        && (stem.ends_with("ськ") || stem.ends_with("цьк")))
                {
                    continue;
                }
            }
            let l = format!("{stem}{nom}");
            if !out.contains(&l) {
                out.push(l);
            }
        }
    }
    out
}

/// Adjective endings, Ukrainian and Russian, all genders, cases and numbers.
const ADJ_ENDINGS: &[&str] = &[
    "ими", "ыми", "ого", "ому", "ої", "ій", "ою", "ий", "им", "ім", "их", "ая", "ой", "ую", "ый",
    "ое", "ым", "ом", "ие", "ые", "ых", "а", "у", "е", "і",
];

/// The stems a word can be an adjective of ("покровському" → "покровськ").
pub(super) fn adjective_splits(word: &str) -> impl Iterator<Item = &str> {
    ADJ_ENDINGS.iter().filter_map(move |e| {
        word.strip_suffix(e).filter(|s| {
            s.chars().count() >= 4
                && (s.ends_with("ськ")
                    || s.ends_with("зьк")
                    || s.ends_with("цьк")
                    || s.ends_with("ск")
                    || s.ends_with("цк"))
        })
    })
}

/// Whether a word is a feminine adjective of an oblast's kind ("Курській", "Курской").
pub(super) fn feminine_adjective(word: &str) -> bool {
    [
        "ська",
        "ської",
        "ській",
        "ську",
        "ською",
        "ская",
        "ской",
        "скую",
        "ской",
        "цька",
        "цької",
        "цькій",
        "цкая",
        "цкой",
        "зька",
        "зької",
        "зькій",
    ]
    .iter()
    .any(|e| word.ends_with(e))
}

/// The names an adjective stem can be made from, with whether the name is the stem itself:
/// покровськ → Покровськ (itself), Покровське, Покров; курахівськ → Курахове; харківськ →
/// Харків; олександрівськ → Олександрівка; запорізьк → Запоріжжя; одеськ → Одеса; Russian
/// кураховск → Курахово, александровск → Александровка, запорожск → Запорожье.
pub(super) fn names_of_adjective(stem: &str) -> Vec<(String, bool)> {
    let mut out = vec![(stem.to_owned(), true)];
    if let Some(base) = stem.strip_suffix("ськ") {
        out.push((format!("{stem}е"), false));
        for end in ["", "ка", "а", "и", "я", "е", "о"] {
            out.push((format!("{base}{end}"), false));
        }
        if let Some(b) = base.strip_suffix("ів") {
            out.push((format!("{b}ове"), false));
        }
        if let Some(b) = base.strip_suffix("їв") {
            out.push((format!("{b}еве"), false));
            out.push((format!("{b}єве"), false));
        }
        if let Some(b) = base.strip_suffix('е') {
            out.push((format!("{b}еса"), false));
        }
    } else if let Some(base) = stem.strip_suffix("зьк") {
        out.push((format!("{base}жжя"), false));
    } else if let Some(base) = stem.strip_suffix("ск") {
        out.push((format!("{stem}ое"), false));
        for end in ["", "ка", "а", "ы", "о", "ь", "са"] {
            out.push((format!("{base}{end}"), false));
        }
        if let Some(b) = base.strip_suffix('ж') {
            out.push((format!("{b}жье"), false));
        }
    } else if stem.ends_with("цьк") || stem.ends_with("цк") {
        out.push((format!("{stem}е"), false));
        out.push((format!("{stem}ое"), false));
    }
    out
}

/// The nominative names of an oblast or krai whose adjective has this stem ("курськ" →
/// "курська область").
pub(super) fn oblast_names(stem: &str) -> [String; 4] {
    [
        format!("{stem}а область"),
        format!("{stem}ая область"),
        format!("{stem}ий край"),
        format!("{stem}ый край"),
    ]
}

/// "Kupiansky", "Pokrovskyi", "Kurakhovsky" (as in "the Kupiansky direction") → the name's
/// stem with -sk, for a lookup.
pub(super) fn latin_adjective(word: &str) -> Option<String> {
    [
        "skyi", "skiy", "skyy", "sky", "skiy", "skoye", "skoe", "ske", "ski",
    ]
    .iter()
    .find_map(|e| word.strip_suffix(e))
    .filter(|s| s.len() >= 3)
    .map(|s| format!("{s}sk"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lemmas_follow_the_declension() {
        for (word, want, not) in [
            ("бахмута", "бахмут", ""),
            ("харкова", "харків", ""),
            ("авдіївці", "авдіївка", ""),
            ("покровську", "покровськ", ""),
            ("курахового", "курахове", ""),
            ("гуляйполя", "гуляйполе", ""),
            ("великої", "велика", ""),
            ("великую", "великая", ""),
            ("пісках", "піски", ""),
            ("курской", "курская", "курське"),
            ("українські", "українська", "українськ"),
        ] {
            let l = lemmas(word, 4);
            assert!(l.iter().any(|x| x == want), "{word}: {l:?}");
            assert!(!l.iter().any(|x| x == not), "{word}: {l:?}");
        }
    }

    #[test]
    fn adjectives_of_names() {
        for (stem, name) in [
            ("покровськ", "покровськ"),
            ("курахівськ", "курахове"),
            ("харківськ", "харків"),
            ("олександрівськ", "олександрівка"),
            ("запорізьк", "запоріжжя"),
            ("одеськ", "одеса"),
            ("кураховск", "курахово"),
            ("запорожск", "запорожье"),
            ("одесск", "одесса"),
        ] {
            let a = names_of_adjective(stem);
            assert!(a.iter().any(|(x, _)| x == name), "{stem}: {a:?}");
        }
        assert_eq!(latin_adjective("kupiansky").as_deref(), Some("kupiansk"));
    }
}
