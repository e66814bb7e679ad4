// swift-tools-version:6.1
import Foundation
import PackageDescription

// Layers, lowest first. A target may import only targets above it in this list:
//   LKOCalendar, LKOLanguage, LKOMessages, LKOExportReader  →  LKOCompiler  →  LKOAccounts  →  LKOStore  →  LKOWorkflow
//     →  LKOPOS (the ПОС bridge)  →  LKOApplication (use cases, typed results)
//     →  LKOServer (HTTP shell)  →  LKOCLI (terminal shell)  →  lko
let package = Package(
    name: "lko",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "lko", targets: ["lko"]),
        .library(name: "LKOLanguage", targets: ["LKOLanguage"]),
        .library(name: "LKOCompiler", targets: ["LKOCompiler"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CArgon2",
            pkgConfig: "libargon2",
            providers: [.apt(["libargon2-dev"])]
        ),
        .target(name: "LKOCalendar", dependencies: ["LKOMessages"], resources: [.copy("Resources/ru-production-calendar.tsv")]),
        .target(name: "LKOLanguage", dependencies: ["LKOMessages"]),
        // The message catalog (Russian and English) every layer renders people's texts from.
        .target(name: "LKOMessages"),
        .target(
            name: "LKOCompiler",
            dependencies: ["LKOLanguage", "LKOCalendar", "LKOMessages", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "LKOAccounts",
            dependencies: ["CArgon2", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "LKOStore",
            dependencies: [
                "LKOCompiler", "LKOAccounts", "LKOMessages",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "LKOWorkflow",
            dependencies: ["LKOStore", "LKOCompiler", "LKOCalendar", "LKOMessages"]
        ),
        // The bridge to the real ПОС (docs/pos.md): the hostile-file reader of its exports, then
        // snapshots, drift, monitoring and the ЛКО configuration sheet.
        .target(name: "LKOExportReader", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "LKOPOS",
            dependencies: ["LKOExportReader", "LKOLanguage", "LKOCompiler", "LKOCalendar", "LKOStore", "LKOWorkflow", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "LKOApplication",
            dependencies: [
                "LKOLanguage", "LKOMessages", "LKOCompiler", "LKOCalendar", "LKOAccounts", "LKOStore", "LKOWorkflow", "LKOPOS",
            ]
        ),
        .target(
            name: "LKOServer",
            dependencies: [
                "LKOApplication", "LKOMessages", "LKOStore", "LKOWorkflow", "LKOCompiler", "LKOCalendar", "LKOAccounts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Templates"), .copy("Static"), .copy("OpenAPI")]
        ),
        .target(
            name: "LKOCLI",
            dependencies: [
                "LKOLanguage", "LKOCompiler", "LKOCalendar", "LKOAccounts", "LKOStore", "LKOWorkflow",
                "LKOApplication", "LKOMessages", "LKOServer", "LKOPOS",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The `lko` command. Its release build on Linux links the Swift runtime and Foundation
        // statically and opens libcurl only when the HTTP client first needs it
        // (`CCurlOnDemand`): `lko` then starts in about 5 ms instead of 15–20 (dozens of shared
        // libraries fewer to map and bind), which is most of `lko authorize --bundle` on a batch
        // (docs/benchmarks.md, "Peers"). The debug build (tests) links as usual. `-static-stdlib`
        // at link time only: the objects were compiled against the shared SDK, so the static
        // libraries the shared ones would have brought along are named here; lld, because it
        // resolves them in any order.
        .target(
            name: "CCurlOnDemand",
            cSettings: [.define("LKO_CURL_ON_DEMAND", .when(platforms: [.linux], configuration: .release))]
        ),
        .executableTarget(
            name: "lko",
            dependencies: ["LKOCLI", .target(name: "CCurlOnDemand", condition: .when(platforms: [.linux]))],
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-static-stdlib", "-use-ld=lld",
                        "-lCoreFoundation", "-l_CFURLSessionInterface", "-l_FoundationCShims", "-l_FoundationCollections", "-l_FoundationICU",
                    ],
                    .when(platforms: [.linux], configuration: .release)
                ),
            ]
        ),
        // Region-scale benchmarks (docs/benchmarks.md): `swift run -c release lko-bench`.
        .executableTarget(
            name: "lko-bench",
            dependencies: [
                "LKOLanguage", "LKOCompiler", "LKOCalendar", "LKOAccounts", "LKOStore", "LKOWorkflow",
            ],
            path: "Benchmarks/lko-bench"
        ),

        // What the store's, the workflow's and the delegation's tests share: which engine they run on.
        .target(name: "LKOTestSupport", dependencies: ["LKOStore", "LKOAccounts", "LKOMessages"], path: "Tests/LKOTestSupport"),
        .testTarget(name: "LKOLanguageTests", dependencies: ["LKOLanguage", "LKOCompiler"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LKOCalendarTests", dependencies: ["LKOCalendar"]),
        .testTarget(name: "LKOCompilerTests", dependencies: ["LKOCompiler", "LKOLanguage"], resources: [.copy("Fixtures")]),
        .testTarget(name: "LKOAccountsTests", dependencies: ["LKOAccounts"]),
        .testTarget(
            name: "LKOStoreTests",
            dependencies: ["LKOStore", "LKOAccounts", "LKOCompiler", "LKOLanguage", "LKOTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "LKOCLITests", dependencies: ["LKOCLI", "LKOMessages"]),
        .testTarget(
            name: "LKODelegationTests",
            dependencies: ["LKOWorkflow", "LKOStore", "LKOCompiler", "LKOCalendar", "LKOAccounts", "LKOTestSupport", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .testTarget(name: "LKOReviewTests", dependencies: ["LKOCompiler", "LKOLanguage", "LKOCalendar"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "LKOServerTests",
            dependencies: [
                "LKOServer", "LKOApplication", "LKOWorkflow", "LKOStore", "LKOCompiler", "LKOAccounts", "LKOCalendar", "LKOLanguage", "LKOTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "LKOPOSTests",
            dependencies: ["LKOPOS", "LKOExportReader", "LKOApplication", "LKOWorkflow", "LKOStore", "LKOCompiler", "LKOCalendar", "LKOAccounts", "LKOLanguage", "LKOTestSupport", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "LKOWorkflowTests", dependencies: ["LKOWorkflow", "LKOStore", "LKOCompiler", "LKOCalendar", "LKOAccounts", "LKOLanguage", "LKOTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer target for the policy language. It has no `main` (libFuzzer supplies one), so it
// is added only when `LKO_FUZZ=1` is set; normal builds and `swift test` never see it. How to
// build and run it: `Fuzz/README.md`.
if ProcessInfo.processInfo.environment["LKO_FUZZ"] == "1" {
    package.targets.append(
        .executableTarget(name: "LKOFuzz", dependencies: ["LKOCompiler"], path: "Sources/LKOFuzz")
    )
}

// The libFuzzer target for the ПОС export reader (xlsx and CSV), built the same way and only
// when `LKO_FUZZ=1` is set: `Fuzz/README.md`, "The export reader".
if ProcessInfo.processInfo.environment["LKO_FUZZ"] == "1" {
    package.targets.append(
        .executableTarget(name: "LKOExportFuzz", dependencies: ["LKOExportReader"], path: "Sources/LKOExportFuzz")
    )
}
