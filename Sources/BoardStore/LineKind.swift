import BoardModel

/// The event kinds a log line names, matched on the kind field's bytes.
///
/// Why not `switch` over a `String` of the field: that made a string of every line's kind and
/// compared it with the names one after another (a twentieth of a whole read). The field's length
/// picks a few candidates, `memcmp` decides. Kinds not listed (the lifecycle steps, `column-*`,
/// unknown words) are rare: `LineCodec.decode` takes them by their text as before.
enum LineKind {
    case columns, created, retitled, bodyEdited, moved, assigned, unassigned, labelled, unlabelled, prioritised
    case commented, closed, reopened, imported, commentEdited, commentDeleted, due, snoozed, reported
    case renumbered, linked, unlinked

    /// The kind the field spells exactly, nil for any other.
    init?(_ field: UnsafeBufferPointer<UInt8>) {
        let kind: LineKind?
        switch field.count {
        case 3: kind = field.equals("due") ? .due : nil
        case 5: kind = field.equals("moved") ? .moved : nil
        case 6: kind = field.equals("closed") ? .closed : field.equals("linked") ? .linked : nil
        case 7: kind = field.equals("created") ? .created : field.equals("columns") ? .columns : field.equals("snoozed") ? .snoozed : nil
        case 8:
            kind = field.equals("assigned") ? .assigned : field.equals("labelled") ? .labelled : field.equals("retitled") ? .retitled
                : field.equals("reopened") ? .reopened : field.equals("imported") ? .imported : field.equals("reported") ? .reported
                : field.equals("unlinked") ? .unlinked : nil
        case 9: kind = field.equals("commented") ? .commented : nil
        case 10:
            kind = field.equals("unassigned") ? .unassigned : field.equals("unlabelled") ? .unlabelled
                : field.equals("renumbered") ? .renumbered : nil
        case 11: kind = field.equals("prioritised") ? .prioritised : field.equals("body-edited") ? .bodyEdited : nil
        case 14: kind = field.equals("comment-edited") ? .commentEdited : nil
        case 15: kind = field.equals("comment-deleted") ? .commentDeleted : nil
        default: kind = nil
        }
        guard let kind else { return nil }
        self = kind
    }
}
