import BoardInteraction
import Screen

extension StatusLine {
    /// A yes/no question in the prompt's colours, the cursor after it.
    static func renderQuestion(_ question: Question, _ context: ViewContext, into grid: inout CellGrid,
                               layout: BoardLayout) -> (x: Int, y: Int)? {
        let y = layout.height - 1
        let style = context.theme[.prompt]
        grid.fill(Rect(x: 0, y: y, width: layout.width, height: 1), style: style)
        // The end of the question (y/n) matters most: a long title gives way.
        let answer = " (y/n) "
        let text = DisplayWidth.truncate(Sanitizer.line(question.text), to: max(0, layout.width - answer.count - 1))
        let x = grid.put(text + answer, x: 0, y: y, style: style, limit: layout.width)
        return (min(x, layout.width - 1), y)
    }
}
