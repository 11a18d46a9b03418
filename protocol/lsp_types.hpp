// LSP types as plain structs, each with its JSON reading or writing beside it. Reading validates
// the shape and throws ParamsError naming the offending field, which the server turns into an
// InvalidParams (-32602) reply.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "protocol/jsonrpc.hpp"
#include "protocol/text_document.hpp"

namespace copydesk::protocol {

class ParamsError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Field readers: `path` names the field in messages ("textDocument.uri").
const json& require_field(const json& object, const char* key, const std::string& path);
std::string read_string(const json& object, const char* key, const std::string& path);
std::int64_t read_integer(const json& object, const char* key, const std::string& path);
const json& require_object(const json& value, const std::string& path);

Position read_position(const json& value, const std::string& path);
Range read_range(const json& value, const std::string& path);
json to_json(const Position& position);
json to_json(const Range& range);

struct TextDocumentItem {
  std::string uri;
  std::string language_id;
  std::int64_t version = 0;
  std::string text;
};
struct DidOpenParams {
  TextDocumentItem text_document;
};
struct DidChangeParams {
  std::string uri;
  std::int64_t version = 0;
  std::vector<ContentChange> changes;
};
struct DidCloseParams {
  std::string uri;
};
struct DidSaveParams {
  std::string uri;
  std::optional<std::string> text;
};
struct TextDocumentPositionParams {
  std::string uri;
  Position position;
};

DidOpenParams read_did_open(const json& params);
DidChangeParams read_did_change(const json& params);
DidCloseParams read_did_close(const json& params);
DidSaveParams read_did_save(const json& params);
std::string read_text_document_uri(const json& params);  // params.textDocument.uri
TextDocumentPositionParams read_text_document_position(const json& params);

struct ClientInfo {
  std::string name;
  std::string version;
};
// The parts of InitializeParams copydesk acts on.
struct InitializeParams {
  std::optional<std::int64_t> process_id;
  std::optional<ClientInfo> client_info;
  std::vector<std::string> position_encodings;  // capabilities.general.positionEncodings
  json capabilities = json::object();
  json initialization_options;  // null when absent
  std::string trace = "off";
  std::vector<std::string> workspace_folders;  // URIs
};
InitializeParams read_initialize(const json& params);

// A JSON pointer-style lookup that returns false for any missing step, for capability checks:
// has_capability(caps, {"textDocument", "hover", "contentFormat"}).
const json* find_path(const json& object, std::initializer_list<const char*> keys);

}  // namespace copydesk::protocol
