import Hummingbird
import LKOApplication
import Logging

/// What a request carries through the middleware to its handler: the caller, once the session
/// middleware has found one, and how they authenticated (a cookie needs CSRF protection, a
/// bearer token does not).
public struct LKORequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var caller: Caller?
    public var sessionToken: String?
    public var authenticatedByCookie = false
    /// Set by the CSRF middleware when a form's body was read to find its token, so the handler
    /// does not read it twice.
    public var formBody: [String: String]?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    public var maxUploadSize: Int { 1 << 20 }

    /// The caller, or 401.
    public func requireCaller() throws -> Caller {
        guard let caller else { throw AppError.unauthenticated }
        return caller
    }
}
