import ThiDuaCore
import ThiDuaReport

extension Points {
    /// `95,75` in Vietnamese, `95.75` in English: the exact decimal text with its separator swapped, never a Double.
    func shown(_ lang: Lang) -> String {
        switch lang {
        case .en: description
        case .vi: VietnameseFormat.points(self)
        }
    }
}

extension Optional where Wrapped == Points {
    /// The points, or `fallback` where there are none.
    func shown(_ lang: Lang, else fallback: String) -> String { map { $0.shown(lang) } ?? fallback }
}
