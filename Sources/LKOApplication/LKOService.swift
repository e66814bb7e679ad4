import Foundation
import LKOCalendar
import LKOCompiler
import LKOStore
import LKOMessages
import LKOWorkflow

/// The library API both shells call: every use case of the administration — sessions, cases,
/// absences, reports, users, the policy, the audit — as typed results and ``AppError``s.
///
/// Nothing here knows HTTP or a terminal. Each call authenticates nothing by itself: the
/// shell authenticates once (``authenticate(token:)``) and passes the ``Caller``; every
/// permission is then checked by the store or the workflow gate, on the account as stored now.
///
/// Calls are synchronous and may block on the database (and, for logins, on argon2id); the HTTP
/// shell runs them off its event loops.
public final class LKOService: Sendable {
    public let store: Store
    private let workflows = WorkflowCache()

    public init(store: Store) {
        self.store = store
    }

    /// Opens the database at `path` with the blockers the workflow and delegation layers add,
    /// and carries out any absence starts and ends that fell due while nobody ran lko.
    public static func open(path: String, clockOverride: Date? = nil, busyTimeout: TimeInterval = Store.defaultBusyTimeout) throws -> LKOService {
        let store = try Store.open(path: path, clockOverride: clockOverride, blockerProviders: [OpenCasesBlocker(), PendingSubstituteBlocker()], busyTimeout: busyTimeout)
        return LKOService(store: store)
    }

    /// The workflow under the active policy, built once per activation.
    public func workflow() throws -> Workflow {
        do {
            guard let active = try store.activePolicy() else { throw WorkflowError.noActivePolicy }
            return try workflows.workflow(for: active.activationID) { try Workflow(store: store, resolver: DelegationResolver()) }
        } catch {
            throw AppError.from(error)
        }
    }

    /// Runs `body`, translating lower layers' errors into ``AppError``s.
    func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw AppError.from(error)
        }
    }

    /// Absence starts and ends that are due, carried out exactly once each. Returns each case
    /// moved (its ``DelegationMove/message`` for people, its description in English for logs).
    /// A database without a policy has nothing to do.
    @discardableResult
    public func catchUpDelegationMoves() throws -> [DelegationMove] {
        try run {
            guard try store.activePolicy() != nil else { return [] }
            return try workflow().processDueDelegations()
        }
    }

    /// Today in the organization's time zone.
    public var today: CalendarDate {
        (try? workflow().today) ?? store.today()
    }

    /// The organization's time zone (Moscow before a policy is applied).
    public var timeZone: String {
        ((try? store.activePolicy())??.policy.tables.organization.timeZone) ?? "Europe/Moscow"
    }
}

/// One ``Workflow`` per policy activation: building one reads the calendar and indexes the
/// policy, too much to repeat on every request.
final class WorkflowCache: @unchecked Sendable {
    private let lock = NSLock()
    private var activation: Int64?
    private var cached: Workflow?

    func workflow(for activationID: Int64, make: () throws -> Workflow) throws -> Workflow {
        lock.lock()
        defer { lock.unlock() }
        if activation == activationID, let cached { return cached }
        let fresh = try make()
        activation = activationID
        cached = fresh
        return fresh
    }
}
