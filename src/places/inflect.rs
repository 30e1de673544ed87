//! How Ukrainian and Russian place names inflect: the nominative an inflected word can come
//! from, and the adjectives made from names ("Покровський напрямок", "Курська область").

use super::{FxMap, Kind, Place};

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

fn has_uk_letters(s: &str) -> bool {
    s.contains(['і', 'ї', 'є', 'ґ'])
}

fn has_ru_letters(s: &str) -> bool {
    s.contains(['ы', 'э', 'ъ'])
}

/// The stems of the adjectives made from a settlement's name: Покровськ → покровськ,
/// Курахове → курахівськ, Харків → харківськ, Олександрівка → олександрівськ, Запоріжжя →
/// запорізьк, Одеса → одеськ; Russian Курахово → кураховск, Александровка → александровск.
fn settlement_adjectives(form: &str) -> Vec<String> {
    let mut out = Vec::new();
    let uk = !has_ru_letters(form);
    let ru = !has_uk_letters(form);
    let cut = |n: usize| -> &str {
        let mut it = form.char_indices().rev().skip(n.saturating_sub(1));
        match it.next() {
            Some((i, _)) if n > 0 => &form[..i],
            _ => form,
        }
    };
    if form.ends_with("ськ")
        || form.ends_with("цьк")
        || form.ends_with("ск")
        || form.ends_with("цк")
    {
        out.push(form.to_owned());
    } else if form.ends_with("ське") || form.ends_with("цьке") {
        out.push(cut(1).to_owned());
    } else if form.ends_with("ское") || form.ends_with("цкое") {
        out.push(cut(2).to_owned());
    } else if uk && (form.ends_with("ове") || form.ends_with("еве") || form.ends_with("єве"))
    {
        let vowel = if form.ends_with("ове") { "і" } else { "ї" };
        out.push(format!("{}{vowel}вськ", cut(3)));
    } else if form.ends_with("жжя") {
        out.push(format!("{}зьк", cut(3)));
    } else if form.ends_with("жье") {
        out.push(format!("{}жск", cut(3)));
    } else if let Some(stem) = form.strip_suffix("сса") {
        out.push(format!("{stem}сск"));
    } else if let Some(stem) = form.strip_suffix("са") {
        out.push(format!("{stem}ськ"));
    } else if form.ends_with("ка") {
        if uk {
            out.push(format!("{}ськ", cut(2)));
        }
        if ru {
            out.push(format!("{}ск", cut(2)));
        }
    } else if form.ends_with(CYR_VOWELS) || form.ends_with('ь') {
        if uk {
            out.push(format!("{}ськ", cut(1)));
        }
        if ru {
            out.push(format!("{}ск", cut(1)));
        }
    } else if !form.ends_with('й') {
        if uk {
            out.push(format!("{form}ськ"));
        }
        if ru {
            out.push(format!("{form}ск"));
        }
    }
    out.retain(|s| s.chars().count() >= 5);
    out
}

type Stems = FxMap<String, Vec<u32>>;

/// Adjective stems of settlement names and of oblast names, from the index's forms.
pub(super) fn adjective_stems(
    places: &[Place],
    forms: &FxMap<&'static str, Vec<u32>>,
) -> (Stems, Stems) {
    let mut settlements: FxMap<String, Vec<(u32, bool)>> = FxMap::default();
    let mut oblasts = Stems::default();
    for (form, ids) in forms {
        if form.as_bytes().first().is_none_or(|&b| b < 0xd0) {
            continue;
        }
        for &id in ids {
            match places[id as usize].kind {
                Kind::Settlement(_) if !form.contains(' ') => {
                    for stem in settlement_adjectives(form) {
                        // A name that is its own adjective stem (Покровськ) comes before one the
                        // stem is derived from (Покров, Покровське).
                        let own = stem == *form;
                        let e = settlements.entry(stem).or_default();
                        if !e.contains(&(id, own)) {
                            e.push((id, own));
                        }
                    }
                }
                Kind::Oblast => {
                    // "харківська область" → харківськ; "краснодарский край" → краснодарск.
                    let Some((adj, noun)) = form.split_once(' ') else {
                        continue;
                    };
                    if !matches!(noun, "область" | "край") {
                        continue;
                    }
                    for stem in adjective_splits(adj) {
                        let e = oblasts.entry(stem.to_owned()).or_default();
                        if !e.contains(&id) {
                            e.push(id);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let settlements = settlements
        .into_iter()
        .map(|(stem, ids)| {
            let any_own = ids.iter().any(|&(_, own)| own);
            let ids = ids
                .into_iter()
                .filter(|&(_, own)| own || !any_own)
                .map(|(id, _)| id)
                .collect();
            (stem, ids)
        })
        .collect();
    (settlements, oblasts)
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
        for (name, want) in [
            ("покровськ", "покровськ"),
            ("курахове", "курахівськ"),
            ("харків", "харківськ"),
            ("олександрівка", "олександрівськ"),
            ("запоріжжя", "запорізьк"),
            ("одеса", "одеськ"),
            ("курахово", "кураховск"),
            ("купянск", "купянск"),
        ] {
            let a = settlement_adjectives(name);
            assert!(a.iter().any(|x| x == want), "{name}: {a:?}");
        }
        assert_eq!(latin_adjective("kupiansky").as_deref(), Some("kupiansk"));
    }
}
