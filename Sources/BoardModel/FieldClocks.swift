/// Last-writer stamps for the fields that hold one value.
///
/// Kept in 56 bytes, not 96: an issue's title, body, due date and snooze keep the stamp of its
/// `created` event until someone edits them, which most issues never see, so those four live
/// behind one reference that is nil while all of them equal `base` (a big board holds 100,000
/// to a million issues in one array: 40 bytes an issue is 4 to 40 MB). The placement (column,
/// rank, open/closed) and the priority, which most issues see set again, are kept inline.
package struct FieldClocks: Hashable, Sendable {
    /// The stamp the four rarely edited fields hold unless `edited` says otherwise.
    private var base: Stamp
    /// Column, rank and open/closed state move together.
    package var placement: Stamp
    package var priority: Stamp
    private var edited: EditedClocks?

    package init(_ stamp: Stamp) {
        base = stamp
        placement = stamp
        priority = stamp
    }

    package var title: Stamp { get { self[\.title] } set { self[\.title] = newValue } }
    package var body: Stamp { get { self[\.body] } set { self[\.body] = newValue } }
    package var due: Stamp { get { self[\.due] } set { self[\.due] = newValue } }
    package var snooze: Stamp { get { self[\.snooze] } set { self[\.snooze] = newValue } }

    /// One of the four rarely edited stamps.
    private subscript(field: WritableKeyPath<EditedClocks.Stamps, Stamp>) -> Stamp {
        get { edited?.stamps[keyPath: field] ?? base }
        set {
            // Unchanged (a losing edit passes its clock `inout`): no new record.
            guard self[field] != newValue else { return }
            change { $0[keyPath: field] = newValue }
        }
    }

    /// Sets a rarely edited stamp: a new record (records are shared between copies, so never
    /// changed), or none when all four are one stamp again (which becomes the base: no other
    /// field reads it).
    private mutating func change(_ body: (inout EditedClocks.Stamps) -> Void) {
        var stamps = edited?.stamps ?? EditedClocks.Stamps(base)
        body(&stamps)
        if stamps == EditedClocks.Stamps(stamps.title) {
            base = stamps.title
            edited = nil
        } else {
            edited = EditedClocks(stamps)
        }
    }

    package static func == (a: FieldClocks, b: FieldClocks) -> Bool {
        a.placement == b.placement && a.priority == b.priority && (a.edited?.stamps ?? EditedClocks.Stamps(a.base)) == (b.edited?.stamps ?? EditedClocks.Stamps(b.base))
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(placement)
        hasher.combine(priority)
        hasher.combine(edited?.stamps ?? EditedClocks.Stamps(base))
    }
}

/// The stamps of an issue's rarely edited fields, once one differs from its first (`FieldClocks`).
/// Immutable: a change makes a new record, so issues stay values.
final class EditedClocks: Sendable {
    struct Stamps: Hashable, Sendable {
        var title, body, due, snooze: Stamp
        init(_ stamp: Stamp) { (title, body, due, snooze) = (stamp, stamp, stamp, stamp) }
    }

    let stamps: Stamps
    init(_ stamps: Stamps) { self.stamps = stamps }
}

/// The stamps as read, whichever way they are kept: two equal clocks print the same (tests
/// compare issues by their text).
extension FieldClocks: CustomStringConvertible {
    package var description: String {
        "FieldClocks(title: \(title), body: \(body), priority: \(priority), placement: \(placement), due: \(due), snooze: \(snooze))"
    }
}
