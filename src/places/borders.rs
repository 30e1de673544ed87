//! Oblast outlines for the map: Ukraine's oblasts (with Crimea, Sevastopol and the city of Kyiv)
//! and the Russian regions on its border, from Natural Earth admin-1 (public domain), simplified
//! by `tools/build_borders.py` into `assets/borders.tsv`.

use std::sync::OnceLock;

const DATA: &str = include_str!("../../assets/borders.tsv");

/// Which country a region belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Country {
    Ukraine,
    Russia,
}

/// An oblast or region and its outline.
#[derive(Clone, Debug)]
pub struct Region {
    pub country: Country,
    /// The oblast as the place index names it ("Donetsk", "Kyiv city", "Kursk").
    pub name: &'static str,
    /// Where its name is written: (longitude, latitude).
    pub label: (f32, f32),
    /// Its outline and any holes: rings of (longitude, latitude), each closed implicitly.
    pub rings: Vec<Vec<(f32, f32)>>,
}

impl Region {
    /// Whether the point lies inside the outline (even–odd over all rings, so a hole such as
    /// the city of Kyiv inside Kyiv oblast is outside).
    pub fn contains(&self, lon: f32, lat: f32) -> bool {
        let mut inside = false;
        for ring in &self.rings {
            let mut prev = match ring.last() {
                Some(p) => *p,
                None => continue,
            };
            for &(x, y) in ring {
                let (px, py) = prev;
                if (y > lat) != (py > lat) && lon < px + (lat - py) / (y - py) * (x - px) {
                    inside = !inside;
                }
                prev = (x, y);
            }
        }
        inside
    }
}

/// The bundled outlines were not as `tools/build_borders.py` writes them.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("assets/borders.tsv line {line}: {what}")]
pub struct BordersError {
    pub line: usize,
    pub what: &'static str,
}

fn point(s: &str) -> Option<(f32, f32)> {
    let (lon, lat) = s.split_once(',')?;
    Some((lon.parse().ok()?, lat.parse().ok()?))
}

/// Read outlines in the format of `assets/borders.tsv` (one ring a line; a region's rings on
/// consecutive lines).
pub fn parse(text: &'static str) -> Result<Vec<Region>, BordersError> {
    let mut out: Vec<Region> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let err = |what| BordersError { line: i + 1, what };
        let mut cols = line.split('\t');
        let country = match cols.next() {
            Some("ua") => Country::Ukraine,
            Some("ru") => Country::Russia,
            _ => return Err(err("the country is neither ua nor ru")),
        };
        let name = cols.next().ok_or_else(|| err("no name"))?;
        let label = cols
            .next()
            .and_then(point)
            .ok_or_else(|| err("no label point"))?;
        let ring = cols
            .next()
            .ok_or_else(|| err("no ring"))?
            .split(' ')
            .map(point)
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| err("a point is not lon,lat"))?;
        if ring.len() < 3 {
            return Err(err("a ring has fewer than three points"));
        }
        match out.last_mut() {
            Some(r) if r.name == name && r.country == country => r.rings.push(ring),
            _ => out.push(Region {
                country,
                name,
                label,
                rings: vec![ring],
            }),
        }
    }
    Ok(out)
}

/// The bundled outlines, read on first use.
pub fn regions() -> &'static [Region] {
    static REGIONS: OnceLock<Vec<Region>> = OnceLock::new();
    // The asset is checked by the tests below; a broken one draws no borders.
    REGIONS.get_or_init(|| parse(DATA).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::places::{Kind, index};

    #[test]
    fn the_bundled_outlines_read_and_name_every_oblast() {
        let regions = parse(DATA).expect("the asset reads");
        let ua: Vec<&str> = regions
            .iter()
            .filter(|r| r.country == Country::Ukraine)
            .map(|r| r.name)
            .collect();
        // Every Ukrainian oblast the place index names has an outline under that name.
        for p in &index().places {
            if p.kind == Kind::Oblast
                && !p.id.starts_with("oblast:ru-")
                && let Some(o) = p.oblast
            {
                assert!(ua.contains(&o), "no outline for {o}");
            }
        }
        assert_eq!(ua.len(), 27, "{ua:?}");
        for ru in [
            "Kursk",
            "Belgorod",
            "Bryansk",
            "Voronezh",
            "Rostov",
            "Krasnodar",
        ] {
            assert!(
                regions
                    .iter()
                    .any(|r| r.country == Country::Russia && r.name == ru),
                "{ru}"
            );
        }
        assert!(DATA.len() < 200_000, "{} bytes", DATA.len());
    }

    /// The places the index puts in an oblast lie inside its outline: the names match and the
    /// simplified outlines are where the places are. The index counts the city of Kyiv in
    /// Kyiv oblast and Sevastopol in Crimea; the rest outside are on coasts and estuaries the
    /// simplified outline cuts (Mykolaiv, 95 %) or next to an oblast border.
    #[test]
    fn places_lie_inside_their_oblasts_outline() {
        let regions = regions();
        fn part_of(name: &str) -> &str {
            match name {
                "Kyiv city" => "Kyiv",
                "Sevastopol" => "Crimea",
                n => n,
            }
        }
        let (mut worst, mut inside_all, mut all_all) = ((1.0f32, ""), 0usize, 0usize);
        for r in regions.iter().filter(|r| part_of(r.name) == r.name) {
            let (mut inside, mut all) = (0usize, 0usize);
            for p in &index().places {
                let (Some(lat), Some(lon)) = (p.lat, p.lon) else {
                    continue;
                };
                if !matches!(p.kind, Kind::Settlement(_)) || p.oblast != Some(r.name) {
                    continue;
                }
                all += 1;
                inside += usize::from(
                    regions
                        .iter()
                        .filter(|x| part_of(x.name) == r.name)
                        .any(|x| x.contains(lon as f32, lat as f32)),
                );
            }
            assert!(all >= 30, "{}: {all} places with coordinates", r.name);
            let share = inside as f32 / all as f32;
            if share < worst.0 {
                worst = (share, r.name);
            }
            inside_all += inside;
            all_all += all;
        }
        assert!(worst.0 >= 0.94, "{worst:?}");
        let share = inside_all as f32 / all_all as f32;
        assert!(share >= 0.98, "{inside_all} of {all_all}");
    }

    #[test]
    fn a_malformed_line_names_its_line() {
        let e = parse("# header\nua\tDonetsk\t37.8,48.1\t37.0,48.0 38.0,x\n").unwrap_err();
        assert_eq!(e.line, 2);
        let inside = parse("ua\tSquare\t0.5,0.5\t0,0 1,0 1,1 0,1\n").unwrap();
        assert!(inside[0].contains(0.5, 0.5));
        assert!(!inside[0].contains(1.5, 0.5));
    }
}
