// file:// URIs <-> file system paths (RFC 8089, percent-encoding per RFC 3986).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace copydesk::server {

// The absolute path of a file: URI ("file:///p", "file://localhost/p" or "file:/p"),
// percent-decoded, query and fragment dropped, dot segments left for the caller to resolve;
// nullopt for other schemes (untitled:, http:), a remote host, or a malformed URI (a bad
// escape, an encoded NUL or "/").
std::optional<std::string> file_path_from_uri(std::string_view uri);

// A file:// URI for an absolute path, percent-encoding what RFC 3986 requires.
std::string file_uri_from_path(std::string_view absolute_path);

}  // namespace copydesk::server
