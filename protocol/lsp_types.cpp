#include "protocol/lsp_types.hpp"

#include <limits>

namespace copydesk::protocol {
namespace {

std::string join(const std::string& path, const char* key) {
  return path.empty() ? std::string(key) : path + "." + key;
}

std::uint32_t read_uint32(const json& object, const char* key, const std::string& path) {
  const json& value = require_field(object, key, path);
  if (value.is_number_unsigned()) {
    auto v = value.get<std::uint64_t>();
    return v > std::numeric_limits<std::uint32_t>::max() ? std::numeric_limits<std::uint32_t>::max()
                                                         : static_cast<std::uint32_t>(v);
  }
  if (value.is_number_integer() && value.get<std::int64_t>() >= 0)
    return static_cast<std::uint32_t>(value.get<std::int64_t>());
  throw ParamsError(join(path, key) + " must be a non-negative integer");
}

}  // namespace

const json& require_object(const json& value, const std::string& path) {
  if (!value.is_object())
    throw ParamsError((path.empty() ? "params" : path) + " must be an object");
  return value;
}

const json& require_field(const json& object, const char* key, const std::string& path) {
  require_object(object, path);
  auto it = object.find(key);
  if (it == object.end()) throw ParamsError("missing field " + join(path, key));
  return *it;
}

std::string read_string(const json& object, const char* key, const std::string& path) {
  const json& value = require_field(object, key, path);
  if (!value.is_string()) throw ParamsError(join(path, key) + " must be a string");
  return value.get<std::string>();
}

std::int64_t read_integer(const json& object, const char* key, const std::string& path) {
  const json& value = require_field(object, key, path);
  if (!value.is_number_integer()) throw ParamsError(join(path, key) + " must be an integer");
  return value.get<std::int64_t>();
}

Position read_position(const json& value, const std::string& path) {
  require_object(value, path);
  return {read_uint32(value, "line", path), read_uint32(value, "character", path)};
}

Range read_range(const json& value, const std::string& path) {
  require_object(value, path);
  return {read_position(require_field(value, "start", path), join(path, "start")),
          read_position(require_field(value, "end", path), join(path, "end"))};
}

json to_json(const Position& position) {
  return {{"line", position.line}, {"character", position.character}};
}

json to_json(const Range& range) {
  return {{"start", to_json(range.start)}, {"end", to_json(range.end)}};
}

DidOpenParams read_did_open(const json& params) {
  const json& doc = require_object(require_field(params, "textDocument", ""), "textDocument");
  return {{read_string(doc, "uri", "textDocument"), read_string(doc, "languageId", "textDocument"),
           read_integer(doc, "version", "textDocument"), read_string(doc, "text", "textDocument")}};
}

DidChangeParams read_did_change(const json& params) {
  const json& doc = require_object(require_field(params, "textDocument", ""), "textDocument");
  DidChangeParams result;
  result.uri = read_string(doc, "uri", "textDocument");
  result.version = read_integer(doc, "version", "textDocument");
  const json& changes = require_field(params, "contentChanges", "");
  if (!changes.is_array()) throw ParamsError("contentChanges must be an array");
  for (std::size_t i = 0; i < changes.size(); ++i) {
    std::string path = "contentChanges[" + std::to_string(i) + "]";
    const json& change = require_object(changes[i], path);
    ContentChange parsed;
    parsed.text = read_string(change, "text", path);
    if (auto it = change.find("range"); it != change.end() && !it->is_null())
      parsed.range = read_range(*it, path + ".range");
    result.changes.push_back(std::move(parsed));
  }
  return result;
}

std::string read_text_document_uri(const json& params) {
  const json& doc = require_object(require_field(params, "textDocument", ""), "textDocument");
  return read_string(doc, "uri", "textDocument");
}

DidCloseParams read_did_close(const json& params) {
  return {read_text_document_uri(params)};
}

DidSaveParams read_did_save(const json& params) {
  DidSaveParams result{read_text_document_uri(params), std::nullopt};
  if (auto it = params.find("text"); it != params.end() && it->is_string())
    result.text = it->get<std::string>();
  return result;
}

TextDocumentPositionParams read_text_document_position(const json& params) {
  return {read_text_document_uri(params),
          read_position(require_field(params, "position", ""), "position")};
}

InitializeParams read_initialize(const json& params) {
  require_object(params, "");
  InitializeParams result;
  if (auto it = params.find("processId"); it != params.end() && !it->is_null()) {
    if (!it->is_number_integer()) throw ParamsError("processId must be an integer or null");
    result.process_id = it->get<std::int64_t>();
  }
  if (auto it = params.find("clientInfo"); it != params.end() && it->is_object()) {
    ClientInfo info;
    info.name = it->value("name", "");
    if (auto v = it->find("version"); v != it->end() && v->is_string()) info.version = *v;
    result.client_info = info;
  }
  if (auto it = params.find("capabilities"); it != params.end()) {
    if (!it->is_object()) throw ParamsError("capabilities must be an object");
    result.capabilities = *it;
  }
  if (const json* encodings = find_path(result.capabilities, {"general", "positionEncodings"});
      encodings && encodings->is_array()) {
    for (const json& e : *encodings)
      if (e.is_string()) result.position_encodings.push_back(e.get<std::string>());
  }
  if (auto it = params.find("initializationOptions"); it != params.end())
    result.initialization_options = *it;
  if (auto it = params.find("trace"); it != params.end() && it->is_string()) result.trace = *it;
  if (auto it = params.find("workspaceFolders"); it != params.end() && it->is_array()) {
    for (const json& folder : *it)
      if (folder.is_object() && folder.contains("uri") && folder["uri"].is_string())
        result.workspace_folders.push_back(folder["uri"]);
  } else if (auto root = params.find("rootUri"); root != params.end() && root->is_string()) {
    result.workspace_folders.push_back(*root);
  }
  return result;
}

const json* find_path(const json& object, std::initializer_list<const char*> keys) {
  const json* current = &object;
  for (const char* key : keys) {
    if (!current->is_object()) return nullptr;
    auto it = current->find(key);
    if (it == current->end()) return nullptr;
    current = &*it;
  }
  return current;
}

}  // namespace copydesk::protocol
