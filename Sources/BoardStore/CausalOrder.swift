import BoardModel

/// The order of a merged log: every event of the given versions once, with each version's own
/// order kept, so an event never lands before one that preceded it where it was written.
///
/// A k-way merge of the versions: at each step, the events at the head of some version that
/// are not still waiting behind others in another version may go next, and the one with the
/// earliest (time, id) does. The choice looks only at events, never at which version is which,
/// so the result is the same whichever clone merges. Versions that disagree about an order
/// cannot all be kept (never through one remote, whose versions all extend each other; only
/// after hand edits or clones pulling from each other directly): the earliest head goes first.
enum CausalOrder {
    static func merge(_ allVersions: [[Event]]) -> [EventID] {
        // The lines every version starts with (the base, as a rule) keep their place, without
        // the bookkeeping below: a sync usually adds a few lines to a long shared log.
        let shortest = allVersions.map(\.count).min() ?? 0
        var emitted = Set<EventID>()
        var shared = 0
        while shared < shortest, allVersions.allSatisfy({ $0[shared].id == allVersions[0][shared].id }),
              emitted.insert(allVersions[0][shared].id).inserted {
            shared += 1
        }
        var order = allVersions.first.map { $0[..<shared].map(\.id) } ?? []
        let versions = allVersions.map { $0[shared...] }
        let positions = versions.map { events in
            var position: [EventID: Int] = [:]
            position.reserveCapacity(events.count)
            for (index, event) in zip(events.indices, events) where position[event.id] == nil { position[event.id] = index }
            return position
        }
        var cursor = versions.map(\.startIndex)
        order.reserveCapacity(shared + (positions.map(\.count).max() ?? 0))
        func precedes(_ a: Event, _ b: Event) -> Bool { (a.at, a.id) < (b.at, b.id) }
        while true {
            var best: Event?
            var bestIsReady = false
            for v in versions.indices {
                while cursor[v] < versions[v].endIndex, emitted.contains(versions[v][cursor[v]].id) { cursor[v] += 1 }
                guard cursor[v] < versions[v].endIndex else { continue }
                let head = versions[v][cursor[v]]
                // Ready unless another version still has it further on, behind events not yet placed.
                let ready = versions.indices.allSatisfy { w in positions[w][head.id].map { $0 <= cursor[w] } ?? true }
                if best == nil || (ready && !bestIsReady) || (ready == bestIsReady && precedes(head, best!)) {
                    best = head
                    bestIsReady = ready
                }
            }
            guard let next = best else { return order }
            emitted.insert(next.id)
            order.append(next.id)
        }
    }
}
