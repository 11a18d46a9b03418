// Which files a command checks: the arguments as given, folders walked recursively, or stdin.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace copydesk::server::cli {

struct DiscoveryOptions {
  // Globs against the path relative to the folder argument ('*', '?', '**'); a glob with no '/'
  // matches the file's name at any depth. Without includes: .txt, .md and .markdown files.
  std::vector<std::string> includes;
  std::vector<std::string> excludes;  // also prunes folders
  std::optional<std::string> stdin_filename;
};

struct InputFile {
  std::string display_path;    // for output and messages
  std::filesystem::path path;  // to read; empty for stdin
  bool from_stdin = false;
  std::filesystem::path config_lookup;  // where config lookup and format detection start
};

struct DiscoveryError {
  std::string path;
  std::string message;
};

struct Discovery {
  std::vector<InputFile> files;  // argument order; each folder's files sorted by path
  std::vector<DiscoveryError> errors;
  std::vector<DiscoveryError> skipped;  // symlinks out of their folder argument, not followed
};

// Arguments name files (always taken, whatever their extension, through symlinks too), folders,
// or "-" for stdin. Hidden files and folders and node_modules are skipped inside folders.
// Symlinks found inside a folder are followed when they lead inside that folder, and skipped
// when they lead out of it, so that checking a folder never reads files elsewhere; each folder
// is walked once, so a symlink loop ends.
Discovery discover_inputs(const std::vector<std::string>& arguments,
                          const DiscoveryOptions& options);

// Whether `relative_path` ('/'-separated) matches `pattern` as DiscoveryOptions describes.
bool matches_filter(std::string_view pattern, std::string_view relative_path);

}  // namespace copydesk::server::cli
