import Hummingbird
import LKOApplication

/// The staff console's pages (server-rendered HTML in Russian).
struct ConsoleRoutes {
    let server: APIServer

    func add(_ routes: Routes) {}
}

enum ConsolePages {
    /// An error as a page, for requests outside the API; nil falls back to JSON.
    static let errorPage: @Sendable (APIErrorBody, HTTPResponse.Status, Request, LKORequestContext) -> Response? = { _, _, _, _ in nil }
}
