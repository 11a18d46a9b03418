// Finding and caching `.copydesk.toml` files for the CLI and the server. The only files it reads
// are config files; everything else is a directory lookup.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/config.hpp"

namespace copydesk::server {

inline constexpr std::string_view kConfigFileName = ".copydesk.toml";

struct ConfigLookup {
  std::shared_ptr<const analyzers::Config> config;  // never null; empty when there is no config
  std::filesystem::path config_path;  // the file it came from; empty when there is none
  std::filesystem::path base_dir;     // globs are relative to this: the config's folder, or the
                                      // file's folder when there is no config
  std::vector<analyzers::ConfigError> errors;  // reading and parsing errors of config_path
  // The same errors, but only the first time they are returned since the file was (re)read, so
  // each config file's errors are reported once however many documents use it.
  std::vector<analyzers::ConfigError> new_errors;

  // `file` relative to base_dir, '/'-separated, for analyzers::resolve_settings.
  std::string relative_path(const std::filesystem::path& file) const;
};

// `file` relative to `base`, '/'-separated; paths are made absolute and normalized first. A file
// outside `base` keeps its "../" steps.
std::string relative_to(const std::filesystem::path& base, const std::filesystem::path& file);

// Thread-safe: the server calls it from its analysis workers.
class ConfigLoader {
 public:
  // `explicit_config` (--config) is used for every file instead of a lookup; `no_config`
  // (--no-config) uses no file at all and wins over `explicit_config`.
  explicit ConfigLoader(std::optional<std::filesystem::path> explicit_config = std::nullopt,
                        bool no_config = false);

  // The config for `file`: the nearest `.copydesk.toml` in the file's folder or an ancestor, up
  // to the filesystem root. An empty `file` (an unsaved document) gets the explicit config, or
  // none.
  ConfigLookup for_file(const std::filesystem::path& file);

  // Forgets everything read, e.g. when a config file is created, changed or deleted; the next
  // lookups read the files again and report their errors anew.
  void invalidate();

 private:
  struct Entry {
    std::shared_ptr<const analyzers::Config> config;
    std::vector<analyzers::ConfigError> errors;
    bool reported = false;
  };

  ConfigLookup lookup(const std::filesystem::path& config_path, std::filesystem::path base_dir);
  std::optional<std::filesystem::path> find_config(const std::filesystem::path& directory);

  std::optional<std::filesystem::path> explicit_config_;
  bool no_config_ = false;
  std::shared_ptr<const analyzers::Config> empty_;
  std::mutex mutex_;
  // Directory -> the config that applies there (nullopt: none); config path -> parsed file.
  // Keyed by the folder's normalized path as a string: comparing path objects compares them
  // segment by segment.
  std::unordered_map<std::string, std::optional<std::filesystem::path>> directories_;
  std::map<std::filesystem::path, Entry> files_;
};

}  // namespace copydesk::server
