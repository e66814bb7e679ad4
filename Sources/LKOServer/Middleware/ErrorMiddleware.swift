import Foundation
import Hummingbird
import LKOApplication
import Logging

/// Every failure becomes an answer a client can act on: `{"error":{"code","message","field"}}`
/// with a 4xx for the client's mistakes; a 500 only for the server's own, logged with the
/// request id and never with the request's content. A path that exists with other methods
/// answers 405 with `Allow`.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = LKORequestContext
    let routes: RouteTable
    /// Renders an error for a page (the console); nil: JSON everywhere.
    let page: (@Sendable (APIErrorBody, HTTPResponse.Status, Request, Context) -> Response?)?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let (status, body, headers) = describe(error, request: request, context: context)
            if status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": .string(String(describing: type(of: error)))])
            }
            if !request.uri.path.hasPrefix("/api/"), request.uri.path != "/healthz", let page, let response = page(body, status, request, context) {
                return response
            }
            var response = try JSONResponse.make(body, status: status)
            response.headers.append(contentsOf: headers)
            return response
        }
    }

    func describe(_ error: any Error, request: Request, context: Context) -> (HTTPResponse.Status, APIErrorBody, HTTPFields) {
        switch error {
        case let error as AppError:
            return (Self.status(for: error.kind), APIErrorBody(error), [:])
        case let error as HTTPError:
            if error.status == .notFound {
                let allowed = routes.methods(matching: request.uri.path)
                if !allowed.isEmpty {
                    let allow = allowed.map(\.rawValue).joined(separator: ", ")
                    return (.methodNotAllowed, APIErrorBody(code: "method_not_allowed", message: "Метод \(request.method.rawValue) здесь не поддерживается; допустимо: \(allow)."), [.allow: allow])
                }
                return (.notFound, APIErrorBody(code: "not_found", message: "Такой страницы или адреса API нет."), [:])
            }
            if error.status == .contentTooLarge {
                return (.contentTooLarge, APIErrorBody(code: "body_too_large", message: "Тело запроса слишком большое."), [:])
            }
            if error.status.code < 500 {
                return (error.status, APIErrorBody(code: "bad_request", message: "Запрос не разобран (HTTP \(error.status.code))."), error.headers)
            }
            return (error.status, APIErrorBody(code: "internal", message: "Внутренняя ошибка сервера; номер запроса \(context.id)."), [:])
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return (.contentTooLarge, APIErrorBody(code: "body_too_large", message: "Тело запроса слишком большое."), [:])
        case let error as DecodingError:
            return (.badRequest, APIErrorBody(code: "invalid_json", message: "Тело запроса не соответствует ожидаемому JSON: \(Self.describe(error)).", field: Self.field(of: error)), [:])
        default:
            return (.internalServerError, APIErrorBody(code: "internal", message: "Внутренняя ошибка сервера; номер запроса \(context.id)."), [:])
        }
    }

    static func status(for kind: AppError.Kind) -> HTTPResponse.Status {
        switch kind {
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .invalid: .badRequest
        case .conflict: .conflict
        case .locked: .init(code: 423, reasonPhrase: "Locked")
        case .busy: .serviceUnavailable
        }
    }

    static func field(of error: DecodingError) -> String? {
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        @unknown default: path = []
        }
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? nil : text
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "нет обязательного поля «\(key.stringValue)»"
        case .typeMismatch: "поле другого типа"
        case .valueNotFound: "пустое обязательное поле"
        case .dataCorrupted: "это не JSON или JSON повреждён"
        @unknown default: "ошибка разбора"
        }
    }
}

/// The error document of the API (docs/api/openapi.yaml, `Error`).
struct APIErrorBody: Encodable, Sendable {
    struct Inner: Encodable, Sendable {
        var code: String
        var message: String
        var field: String?
        var details: [String]?
    }

    var error: Inner

    init(code: String, message: String, field: String? = nil, details: [String] = []) {
        error = Inner(code: code, message: message, field: field, details: details.isEmpty ? nil : details)
    }

    init(_ error: AppError) {
        self.init(code: error.code, message: error.message, field: error.field, details: error.details)
    }
}
