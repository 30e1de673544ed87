//! A table wider than its panel: it scrolls sideways under a solid scroll bar, so that a
//! narrow window shows there is more to the right and every column stays reachable.

/// Lay out `add` (a table) in a sideways scroll area with a scroll bar that is always drawn;
/// the table's own vertical scrolling keeps the panel's usual style.
pub fn wide_table<R>(ui: &mut egui::Ui, id_salt: &str, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let normal = ui.spacing().scroll;
    ui.scope(|ui| {
        ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
        egui::ScrollArea::horizontal()
            .id_salt(id_salt)
            .auto_shrink(false)
            .show(ui, |ui| {
                ui.spacing_mut().scroll = normal;
                add(ui)
            })
            .inner
    })
    .inner
}
