#include "server/config_loader.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace copydesk::server {
namespace {

namespace fs = std::filesystem;

// A config larger than this is surely not one (a misplaced data file, a device).
constexpr std::size_t kMaxConfigBytes = 4 << 20;

// An absolute path with no "." or ".." segment and no doubled separator: lexically_normal()
// would return it unchanged, at a cost that shows when thousands of files are checked.
bool already_normal(const std::string& path) {
  if (path.empty() || path[0] != '/') return false;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '/') continue;
    std::string_view rest = std::string_view(path).substr(i + 1);
    if (rest.starts_with('/') || rest == "." || rest.starts_with("./") || rest == ".." ||
        rest.starts_with("../"))
      return false;
  }
  return true;
}

fs::path normalized(const fs::path& path) {
  std::error_code error;
  fs::path absolute = path.is_absolute() ? path : fs::absolute(path, error);
  if (error) absolute = path;
  if (!already_normal(absolute.native())) absolute = absolute.lexically_normal();
  // "/a/b/" names the folder /a/b; without the trailing separator parent_path() walks up.
  if (!absolute.has_filename() && absolute.has_relative_path()) absolute = absolute.parent_path();
  return absolute;
}

std::optional<std::string> read_file(const fs::path& path, std::string& reason) {
  std::error_code error;
  if (fs::is_directory(path, error)) {
    reason = "it is a directory";
    return std::nullopt;
  }
  errno = 0;
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (!file) {
    reason = std::strerror(errno != 0 ? errno : ENOENT);
    return std::nullopt;
  }
  std::string text;
  char buffer[16384];
  std::size_t count = 0;
  while ((count = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    text.append(buffer, count);
    if (text.size() > kMaxConfigBytes) break;
  }
  const bool failed = std::ferror(file) != 0;
  const int failure = errno;
  std::fclose(file);
  if (failed) {
    reason = std::strerror(failure != 0 ? failure : EIO);
    return std::nullopt;
  }
  if (text.size() > kMaxConfigBytes) {
    reason = "it is larger than " + std::to_string(kMaxConfigBytes >> 20) + " MiB";
    return std::nullopt;
  }
  return text;
}

}  // namespace

// The next '/'-separated segment of `path` at or after `at`, skipping separators; empty at the
// end. Advances `at` past it.
std::string_view next_segment(std::string_view path, std::size_t& at) {
  while (at < path.size() && path[at] == '/')
    ++at;
  const std::size_t start = at;
  while (at < path.size() && path[at] != '/')
    ++at;
  return path.substr(start, at - start);
}

// normalized(path) as a string, without building path objects (each holds its parsed segments)
// when the path is already normal.
std::string normalized_string(const fs::path& path) {
  std::string text = path.native();
  if (!already_normal(text)) return normalized(path).native();
  if (text.size() > 1 && text.back() == '/') text.pop_back();
  return text;
}

std::string relative_to(const fs::path& base, const fs::path& file) {
  const std::string file_string = normalized_string(file);
  const std::string base_string = normalized_string(base);
  if (already_normal(file_string) && already_normal(base_string)) {
    // What lexically_relative() computes, on strings: it builds a path object per segment, a
    // cost that shows when thousands of files are checked.
    std::size_t in_base = 0;
    std::size_t in_file = 0;
    std::string_view base_segment = next_segment(base_string, in_base);
    std::string_view file_segment = next_segment(file_string, in_file);
    while (!base_segment.empty() && base_segment == file_segment) {
      base_segment = next_segment(base_string, in_base);
      file_segment = next_segment(file_string, in_file);
    }
    std::string relative;
    for (; !base_segment.empty(); base_segment = next_segment(base_string, in_base))
      relative += relative.empty() ? ".." : "/..";
    for (; !file_segment.empty(); file_segment = next_segment(file_string, in_file)) {
      if (!relative.empty()) relative += '/';
      relative += file_segment;
    }
    return relative.empty() ? "." : relative;
  }
  const fs::path absolute_file(file_string);
  const fs::path relative = absolute_file.lexically_relative(fs::path(base_string));
  // Empty when there is no relative path at all (different roots).
  return relative.empty() ? absolute_file.generic_string() : relative.generic_string();
}

std::string ConfigLookup::relative_path(const fs::path& file) const {
  if (base_dir.empty()) return file.filename().generic_string();
  return relative_to(base_dir, file);
}

ConfigLoader::ConfigLoader(std::optional<fs::path> explicit_config, bool no_config)
    : explicit_config_(std::move(explicit_config)),
      no_config_(no_config),
      empty_(std::make_shared<const analyzers::Config>()) {
  if (explicit_config_) explicit_config_ = normalized(*explicit_config_);
}

ConfigLookup ConfigLoader::for_file(const fs::path& file) {
  if (explicit_config_ && !no_config_) {
    std::lock_guard lock(mutex_);
    return lookup(*explicit_config_, explicit_config_->parent_path());
  }
  const fs::path folder = file.empty() ? fs::path() : normalized(file).parent_path();
  if (no_config_) return {empty_, {}, folder, {}, {}};
  std::lock_guard lock(mutex_);
  if (file.empty()) return {empty_, {}, {}, {}, {}};
  if (auto found = find_config(folder)) return lookup(*found, found->parent_path());
  return {empty_, {}, folder, {}, {}};
}

void ConfigLoader::invalidate() {
  std::lock_guard lock(mutex_);
  directories_.clear();
  files_.clear();
}

ConfigLookup ConfigLoader::lookup(const fs::path& config_path, fs::path base_dir) {
  Entry& entry = files_[config_path];
  if (!entry.config) {
    std::string reason;
    if (auto text = read_file(config_path, reason)) {
      analyzers::ConfigParseResult parsed = analyzers::parse_config(*text, config_path.string());
      entry.config = std::make_shared<const analyzers::Config>(std::move(parsed.config));
      entry.errors = std::move(parsed.errors);
    } else {
      entry.config = empty_;
      entry.errors = {{config_path.string(), 0, 0, "", "cannot read this file: " + reason}};
    }
  }
  ConfigLookup result{entry.config, config_path, std::move(base_dir), entry.errors, {}};
  if (!entry.reported) {
    result.new_errors = entry.errors;
    entry.reported = true;
  }
  return result;
}

std::optional<fs::path> ConfigLoader::find_config(const fs::path& directory) {
  std::vector<fs::path> visited;
  std::optional<fs::path> found;
  fs::path folder = directory;
  while (true) {
    if (const auto known = directories_.find(folder.native()); known != directories_.end()) {
      found = known->second;
      break;
    }
    visited.push_back(folder);
    const fs::path candidate = folder / kConfigFileName;
    std::error_code error;
    // A dangling symlink counts as found, so the user hears that it cannot be read.
    if (fs::exists(fs::symlink_status(candidate, error))) {
      found = candidate;
      break;
    }
    const fs::path parent = folder.parent_path();
    if (parent.empty() || parent == folder) break;
    folder = parent;
  }
  for (const fs::path& seen : visited)
    directories_[seen.native()] = found;
  return found;
}

}  // namespace copydesk::server
