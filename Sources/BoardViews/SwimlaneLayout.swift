import BoardModel
import BoardQuery
import BoardInteraction

/// Where each swimlane band sits in the board body, in rows counted from the top of the body
/// before scrolling. Each band is a header row, then as many card slots as its fullest column.
struct SwimlaneLayout {
    struct Band {
        var name: String
        var top: Int
        var height: Int
        var count: Int
    }

    var bands: [Band] = []

    let projection: BoardProjection

    init(projection: BoardProjection, layout: BoardLayout) {
        self.projection = projection
        var top = 0
        for (index, name) in projection.bands.enumerated() {
            let counts = projection.lanes.map { $0.byBand.indices.contains(index) ? $0.byBand[index].count : 0 }
            let slots = max(1, counts.max() ?? 0)
            let height = 1 + slots * BoardLayout.cardHeight
            bands.append(Band(name: name, top: top, height: height, count: counts.reduce(0, +)))
            top += height
        }
    }

    /// The rows the selected card occupies (its band's header too, for a band's first card).
    func rowOfSelection(_ ui: UIState) -> (top: Int, bottom: Int)? {
        guard projection.lanes.indices.contains(ui.column) else { return nil }
        let lane = projection.lanes[ui.column]
        guard !lane.issues.isEmpty, let spot = SwimlaneLayout.locate(lane.issues[BoardSelection.index(ui, lane)], in: lane) else { return nil }
        let band = bands[spot.band]
        let top = band.top + 1 + spot.slot * BoardLayout.cardHeight
        return (spot.slot == 0 ? band.top : top, top + BoardLayout.cardHeight - 1)
    }
}

extension SwimlaneLayout {
    /// The band and slot where issue `number` is selected: its first band (an issue with
    /// several assignees or labels is shown in each of their bands).
    static func locate(_ number: Int, in lane: BoardProjection.Lane) -> (band: Int, slot: Int)? {
        for (band, issues) in lane.byBand.enumerated() {
            if let slot = issues.firstIndex(of: number) { return (band, slot) }
        }
        return nil
    }
}
