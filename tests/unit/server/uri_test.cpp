#include "server/uri.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <initializer_list>
#include <optional>
#include <string>

using copydesk::server::file_path_from_uri;
using copydesk::server::file_uri_from_path;

TEST_CASE("file URIs: the three spellings RFC 8089 allows, any case of scheme and host") {
  CHECK(file_path_from_uri("file:///tmp/a.txt") == "/tmp/a.txt");
  CHECK(file_path_from_uri("file://localhost/tmp/a.txt") == "/tmp/a.txt");
  CHECK(file_path_from_uri("file:/tmp/a.txt") == "/tmp/a.txt");
  CHECK(file_path_from_uri("FILE:///tmp/a.txt") == "/tmp/a.txt");
  CHECK(file_path_from_uri("file://LocalHost/tmp/a.txt") == "/tmp/a.txt");
  CHECK(file_path_from_uri("file:///") == "/");
}

TEST_CASE("URIs that name no local file give no path") {
  for (const char* uri :
       {"untitled:Untitled-1", "untitled:/tmp/a.txt", "http://example.com/tmp/a.txt",
        "https:///tmp/a.txt", "vscode-notebook-cell:/tmp/a.md#W0", "git:/tmp/a.txt?ref=HEAD",
        "file://server/share/a.txt", "file://localhostile/a.txt", "file://localhost",
        "file:", "file:relative/a.txt", "file:tmp", "filex:///tmp/a.txt", "/tmp/a.txt", ""}) {
    CAPTURE(uri);
    CHECK(file_path_from_uri(uri) == std::nullopt);
  }
}

TEST_CASE("percent-encoding is decoded once; escapes that cannot be a path are refused") {
  CHECK(file_path_from_uri("file:///tmp/a%20b.txt") == "/tmp/a b.txt");
  CHECK(file_path_from_uri("file:///tmp/caf%C3%A9.txt") == "/tmp/café.txt");
  CHECK(file_path_from_uri("file:///tmp/caf%c3%a9.txt") == "/tmp/café.txt");
  CHECK(file_path_from_uri("file:///tmp/café.txt") == "/tmp/café.txt");  // unencoded, as sent
  CHECK(file_path_from_uri("file:///tmp/%E6%97%A5%E6%9C%AC.md") == "/tmp/日本.md");
  CHECK(file_path_from_uri("file:///tmp/100%25.txt") == "/tmp/100%.txt");
  CHECK(file_path_from_uri("file:///tmp/a%2520b.txt") == "/tmp/a%20b.txt");  // not twice
  CHECK(file_path_from_uri("file:///tmp/what%3F.txt") == "/tmp/what?.txt");
  CHECK(file_path_from_uri("file:///tmp/a%23b.txt") == "/tmp/a#b.txt");
  // An encoded "/" or NUL names no file; decoding it would let "%2F..%2F" climb the tree.
  CHECK(file_path_from_uri("file:///tmp/a%2F..%2F..%2Fetc%2Fpasswd") == std::nullopt);
  CHECK(file_path_from_uri("file:///tmp/a%2f.txt") == std::nullopt);
  CHECK(file_path_from_uri("file:///tmp/a%00.txt") == std::nullopt);
  for (const char* bad : {"file:///tmp/a%", "file:///tmp/a%2", "file:///tmp/a%G1.txt",
                          "file:///tmp/a%%41.txt", "file:///tmp/a%-1.txt"}) {
    CAPTURE(bad);
    CHECK(file_path_from_uri(bad) == std::nullopt);
  }
}

TEST_CASE("query and fragment are not part of the path; dot segments are kept as written") {
  CHECK(file_path_from_uri("file:///tmp/a.txt?version=2") == "/tmp/a.txt");
  CHECK(file_path_from_uri("file:///tmp/a.txt#L10") == "/tmp/a.txt");
  // ".." is what the URI says; the config lookup resolves it (config_loader normalizes).
  CHECK(file_path_from_uri("file:///tmp/x/../a.txt") == "/tmp/x/../a.txt");
  CHECK(file_path_from_uri("file:///tmp/x/%2E%2E/a.txt") == "/tmp/x/../a.txt");
}

TEST_CASE("paths round-trip through file URIs, whatever their bytes") {
  for (std::string path : std::initializer_list<std::string>{
           "/tmp/a.txt", "/tmp/a b/c d.md", "/tmp/100%.txt", "/tmp/what?.txt", "/tmp/a#b",
           "/tmp/café/日本.md", "/tmp/line\nbreak.txt", "/tmp/%2F", "/tmp/x/../y",
           "/tmp/\xff\xfe.txt", "/tmp/semi;colon=eq&amp+plus'quote\"", "/"}) {
    CAPTURE(path);
    const std::string uri = file_uri_from_path(path);
    CHECK(uri.rfind("file:///", 0) == 0);
    for (char c : uri.substr(7))
      CHECK((std::isalnum(static_cast<unsigned char>(c)) ||
             std::string("-._~/%").find(c) != std::string::npos));
    CHECK(file_path_from_uri(uri) == path);
  }
  CHECK(file_uri_from_path("/tmp/a b/café.txt") == "file:///tmp/a%20b/caf%C3%A9.txt");
}
