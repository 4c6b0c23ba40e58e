import BoardModel

extension BoardProjection {
    /// The projection with `number` shown even though the filter does not match it: a new
    /// issue stays in sight, in its column by rank and at the end of the list, until the
    /// selection moves away from it (`UIState.pinned`).
    public func showing(_ number: Int, in state: BoardState) -> BoardProjection {
        guard let issue = state.issues[number], issue.isShownByDefault, !list.contains(number),
              let laneIndex = lanes.firstIndex(where: { $0.column.id == issue.column }) else { return self }
        var result = self
        var lane = Array(result.lanes[laneIndex].issues)
        let position = lane.firstIndex { other in
            state.issues[other].map { BoardState.rankOrder(issue, $0) } ?? false
        } ?? lane.count
        lane.insert(number, at: position)
        result.lanes[laneIndex].issues = ProjectedIssues(lane)
        result.list = ProjectedIssues(Array(list) + [number])
        return result
    }
}
