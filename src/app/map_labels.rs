//! Map labels that never overlap: labels ranked by importance are placed greedily, each at the
//! first of eight positions around its point that collides with no label placed before it and
//! no marker; a label with no free position is left out (its place still shows on hover).

use egui::{Pos2, Rect, Vec2, pos2};

/// A label to place.
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    /// The point labelled (a marker's centre).
    pub anchor: Pos2,
    /// The marker's radius: the label keeps clear of it.
    pub radius: f32,
    /// The label's size.
    pub size: Vec2,
    /// Higher is placed first.
    pub importance: f32,
}

const GAP: f32 = 2.0;
/// Cell size of the grid that finds nearby rectangles.
const CELL: f32 = 48.0;

/// Whether two rectangles overlap by more than touching.
fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y
}

/// The positions tried for a label, in order: right, left, above, below, then the corners.
fn positions(c: &Candidate) -> [Rect; 8] {
    let (a, r, s) = (c.anchor, c.radius + GAP, c.size);
    let at = |x: f32, y: f32| Rect::from_min_size(pos2(x, y), s);
    let mid_y = a.y - s.y / 2.0;
    let mid_x = a.x - s.x / 2.0;
    let d = r * std::f32::consts::FRAC_1_SQRT_2;
    [
        at(a.x + r, mid_y),
        at(a.x - r - s.x, mid_y),
        at(mid_x, a.y - r - s.y),
        at(mid_x, a.y + r),
        at(a.x + d, a.y - d - s.y),
        at(a.x + d, a.y + d),
        at(a.x - d - s.x, a.y - d - s.y),
        at(a.x - d - s.x, a.y + d),
    ]
}

/// Rectangles bucketed by grid cell.
struct Grid {
    cells: std::collections::HashMap<(i32, i32), Vec<Rect>>,
}

impl Grid {
    fn keys(r: &Rect) -> impl Iterator<Item = (i32, i32)> {
        let (x0, x1) = (
            (r.min.x / CELL).floor() as i32,
            (r.max.x / CELL).floor() as i32,
        );
        let (y0, y1) = (
            (r.min.y / CELL).floor() as i32,
            (r.max.y / CELL).floor() as i32,
        );
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    fn insert(&mut self, r: Rect) {
        for k in Self::keys(&r) {
            self.cells.entry(k).or_default().push(r);
        }
    }

    fn hits(&self, r: &Rect) -> bool {
        Self::keys(r).any(|k| {
            self.cells
                .get(&k)
                .is_some_and(|v| v.iter().any(|o| overlaps(o, r)))
        })
    }
}

/// Place the labels inside `bounds`, most important first, clear of each other and of the
/// markers of every candidate (a label may not cover another place's point). Returns, per
/// candidate, the rectangle its label takes, or `None` when it is left out.
pub fn place(candidates: &[Candidate], bounds: Rect) -> Vec<Option<Rect>> {
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| {
        candidates[b]
            .importance
            .total_cmp(&candidates[a].importance)
            .then(a.cmp(&b))
    });
    let mut markers = Grid {
        cells: std::collections::HashMap::new(),
    };
    for c in candidates {
        markers.insert(Rect::from_center_size(
            c.anchor,
            Vec2::splat(2.0 * c.radius),
        ));
    }
    let mut labels = Grid {
        cells: std::collections::HashMap::new(),
    };
    let mut out = vec![None; candidates.len()];
    for i in order {
        let c = &candidates[i];
        let free = positions(c)
            .into_iter()
            .find(|r| bounds.contains_rect(*r) && !labels.hits(r) && !markers.hits(&r.shrink(0.5)));
        if let Some(r) = free {
            labels.insert(r);
            out[i] = Some(r);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::vec2;

    /// A small deterministic generator (no dependency for a test).
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> f32 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (self.0 >> 40) as f32 / (1u64 << 24) as f32
        }
    }

    fn crowd(seed: u64, n: usize, area: f32) -> Vec<Candidate> {
        let mut g = Lcg(seed);
        (0..n)
            .map(|_| Candidate {
                anchor: pos2(50.0 + g.next() * area, 50.0 + g.next() * area),
                radius: 3.0 + g.next() * 6.0,
                size: vec2(30.0 + g.next() * 70.0, 14.0),
                importance: (g.next() * 10.0).floor(),
            })
            .collect()
    }

    #[test]
    fn no_two_placed_labels_overlap_and_none_covers_a_marker() {
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(700.0, 700.0));
        // From sparse to very crowded, the way towns cluster around a front.
        for (seed, n, area) in [
            (1, 20, 600.0),
            (2, 80, 400.0),
            (3, 300, 300.0),
            (4, 500, 120.0),
        ] {
            let cands = crowd(seed, n, area);
            let placed = place(&cands, bounds);
            let rects: Vec<(usize, Rect)> = placed
                .iter()
                .enumerate()
                .filter_map(|(i, r)| r.map(|r| (i, r)))
                .collect();
            assert!(!rects.is_empty(), "seed {seed}: nothing placed");
            for (k, (i, a)) in rects.iter().enumerate() {
                assert!(bounds.contains_rect(*a), "seed {seed}: {a:?} outside");
                for (j, b) in &rects[k + 1..] {
                    assert!(!overlaps(a, b), "seed {seed}: labels {i} and {j} overlap");
                }
                for (j, c) in cands.iter().enumerate() {
                    let m = Rect::from_center_size(c.anchor, Vec2::splat(2.0 * c.radius));
                    assert!(
                        !overlaps(&a.shrink(0.5), &m),
                        "seed {seed}: label {i} covers the marker of {j}"
                    );
                }
            }
            // The most important label is placed whenever any of its positions is inside the
            // map and clear of the markers: no other label can be in its way.
            let top = (0..n)
                .min_by(|&a, &b| {
                    cands[b]
                        .importance
                        .total_cmp(&cands[a].importance)
                        .then(a.cmp(&b))
                })
                .unwrap_or(0);
            let markers: Vec<Rect> = cands
                .iter()
                .map(|c| Rect::from_center_size(c.anchor, Vec2::splat(2.0 * c.radius)))
                .collect();
            let has_room = positions(&cands[top]).iter().any(|r| {
                bounds.contains_rect(*r) && !markers.iter().any(|m| overlaps(&r.shrink(0.5), m))
            });
            assert_eq!(
                placed[top].is_some(),
                has_room,
                "seed {seed}: the top label"
            );
        }
    }

    #[test]
    fn a_label_in_the_way_moves_the_less_important_one_aside() {
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 400.0));
        let size = vec2(60.0, 14.0);
        // Two towns side by side: the right of the first is where the second's marker is.
        let cands = [
            Candidate {
                anchor: pos2(100.0, 100.0),
                radius: 4.0,
                size,
                importance: 1.0,
            },
            Candidate {
                anchor: pos2(130.0, 100.0),
                radius: 4.0,
                size,
                importance: 5.0,
            },
        ];
        let placed = place(&cands, bounds);
        // The important one keeps its first choice; the other goes to its left.
        assert_eq!(placed[1], Some(positions(&cands[1])[0]));
        let other = placed[0].expect("placed elsewhere");
        assert!(other.max.x <= 100.0, "{other:?}");
        // Far apart, each takes its first choice.
        let far = [
            cands[0],
            Candidate {
                anchor: pos2(300.0, 300.0),
                ..cands[1]
            },
        ];
        let placed = place(&far, bounds);
        assert_eq!(placed[0], Some(positions(&far[0])[0]));
        assert_eq!(placed[1], Some(positions(&far[1])[0]));
    }
}
