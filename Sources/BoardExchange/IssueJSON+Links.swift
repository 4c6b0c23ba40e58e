import BoardModel

extension IssueJSON {
    /// `"links": [{"type": "blocks", "issue": 7}, …]`, each link from this issue's side (the
    /// other issue lists it with the inverse type: `blocked-by`). Always present, empty if none.
    static func writeLinks(_ links: [IssueLink], to json: inout JSONWriter) {
        json.key("links")
        json.beginArray()
        for link in links {
            json.beginObject()
            json.field("type", link.type.rawValue)
            json.field("issue", link.issue)
            json.endObject()
        }
        json.endArray()
    }
}
