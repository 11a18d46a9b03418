#include "server/uri.hpp"

namespace copydesk::server {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  return true;
}

}  // namespace

std::optional<std::string> file_path_from_uri(std::string_view uri) {
  if (!starts_with_ignoring_case(uri, "file:")) return std::nullopt;
  std::string_view rest = uri.substr(5);
  if (rest.starts_with("//")) {
    // An authority other than empty or "localhost" names another machine.
    rest.remove_prefix(2);
    std::size_t slash = rest.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    std::string_view host = rest.substr(0, slash);
    if (!host.empty() && !starts_with_ignoring_case(host, "localhost")) return std::nullopt;
    if (host.size() > 9) return std::nullopt;  // "localhost" and nothing more
    rest = rest.substr(slash);
  }
  // RFC 8089 also allows "file:/path", with no authority at all.
  if (!rest.starts_with('/')) return std::nullopt;
  if (std::size_t cut = rest.find_first_of("?#"); cut != std::string_view::npos)
    rest = rest.substr(0, cut);
  std::string path;
  path.reserve(rest.size());
  for (std::size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] != '%') {
      path += rest[i];
      continue;
    }
    if (i + 2 >= rest.size()) return std::nullopt;
    int high = hex_value(rest[i + 1]), low = hex_value(rest[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    char decoded = static_cast<char>(high * 16 + low);
    // No file name holds a NUL or a '/': an encoded one is not a path we could open, and
    // decoding "%2F" would turn "a%2F..%2Fb", one odd name, into a walk up the tree.
    if (decoded == '\0' || decoded == '/') return std::nullopt;
    path += decoded;
    i += 2;
  }
  return path;
}

std::string file_uri_from_path(std::string_view absolute_path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = "file://";
  for (unsigned char c : absolute_path) {
    bool unreserved = std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri;
}

}  // namespace copydesk::server
