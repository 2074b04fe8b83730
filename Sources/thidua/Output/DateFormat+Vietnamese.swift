import ThiDuaReport

/// Dates and times as a Vietnamese reader writes them (`VietnameseFormat`, shared with the year report). In English,
/// and for any text that is not a date, the text as stored.
enum Shown {
    /// A stored instant (`2018-03-30T02:00:00Z`) as `30/03/2018 09:00:00`; a date alone as `30/03/2018`.
    static func moment(_ text: String, _ lang: Lang) -> String {
        switch lang {
        case .en: text
        case .vi: VietnameseFormat.moment(text)
        }
    }
}
