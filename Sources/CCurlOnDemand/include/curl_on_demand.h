// Nothing to import: the target only defines libcurl's functions for the linker
// (curl_on_demand.c). The header exists because SwiftPM wants a public headers folder.
