/// Russian plural forms: "1 файл", "2 файла", "5 файлов", "11 файлов", "21 файл".
public enum RussianPlural {
    public static func form(_ count: Int, _ one: String, _ few: String, _ many: String) -> String {
        let n = abs(count) % 100
        if (11...14).contains(n) { return many }
        switch n % 10 {
        case 1: return one
        case 2, 3, 4: return few
        default: return many
        }
    }
}
