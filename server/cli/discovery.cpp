#include "server/cli/discovery.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <set>
#include <system_error>
#include <utility>

#include "analyzers/config.hpp"

namespace copydesk::server::cli {

namespace {

namespace fs = std::filesystem;

using FileId = std::pair<dev_t, ino_t>;

struct Found {
  std::string relative;
  fs::path path;
};

bool has_default_extension(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string extension(name.substr(dot + 1));
  for (char& c : extension)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension == "txt" || extension == "md" || extension == "markdown";
}

bool any_match(const std::vector<std::string>& patterns, std::string_view relative) {
  return std::any_of(patterns.begin(), patterns.end(),
                     [&](const std::string& pattern) { return matches_filter(pattern, relative); });
}

bool is_wanted(const DiscoveryOptions& options, std::string_view relative, std::string_view name) {
  const bool included = options.includes.empty() ? has_default_extension(name)
                                                 : any_match(options.includes, relative);
  return included && !any_match(options.excludes, relative);
}

// The path shown for a file found under a folder argument: "docs" + "a.txt" -> "docs/a.txt";
// under "." just "a.txt".
std::string join_path(const std::string& argument, const std::string& relative) {
  if (relative.empty()) return argument;
  if (argument == "." || argument == "./") return relative;
  if (argument.ends_with('/')) return argument + relative;
  return argument + "/" + relative;
}

class Walker {
 public:
  Walker(const DiscoveryOptions& options, Discovery& discovery, std::string argument)
      : options_(options),
        errors_(discovery.errors),
        skipped_(discovery.skipped),
        argument_(std::move(argument)) {}

  std::vector<Found> walk(const fs::path& root, const struct stat& root_status) {
    std::error_code error;
    root_real_ = fs::canonical(root, error);
    if (error) root_real_ = fs::absolute(root, error).lexically_normal();
    visited_.insert({root_status.st_dev, root_status.st_ino});
    walk_folder(root, "");
    // Folders reached through a symlink come after the real tree, so that a folder reachable
    // both ways is listed under its real path. Walking one may queue more.
    for (std::size_t i = 0; i < linked_.size(); ++i) {
      const Linked linked = linked_[i];
      if (visited_.insert(linked.id).second) walk_folder(linked.path, linked.relative);
    }
    std::sort(found_.begin(), found_.end(),
              [](const Found& a, const Found& b) { return a.relative < b.relative; });
    return std::move(found_);
  }

 private:
  struct Linked {
    fs::path path;
    std::string relative;
    FileId id;
  };

  void walk_folder(const fs::path& folder, const std::string& relative) {
    // Names, and the type the directory listing gives (no system call): plain files and folders
    // need no stat; symlinks and unknown types get one. Paths are built only for what is kept.
    // readdir() rather than directory_iterator, which builds a path object per entry.
    struct Entry {
      std::string name;
      unsigned char type;  // DT_REG, DT_DIR, DT_LNK, DT_UNKNOWN, ...
    };
    std::vector<Entry> entries;
    DIR* listing = ::opendir(folder.c_str());
    if (listing == nullptr) {
      report(relative, std::generic_category().message(errno));
      return;
    }
    errno = 0;
    while (const dirent* entry = ::readdir(listing)) {
      const std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      entries.push_back({std::string(name), entry->d_type});
    }
    const int read_error = errno;
    ::closedir(listing);
    if (read_error != 0) {
      report(relative, std::generic_category().message(read_error));
      return;
    }
    // Name order makes which path wins for a folder reached twice, and the errors, repeatable.
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return a.name < b.name; });
    for (const Entry& entry : entries) {
      const std::string& name = entry.name;
      if (name.starts_with('.') || name == "node_modules") continue;
      const std::string child = relative.empty() ? name : relative + "/" + name;
      if (entry.type == DT_REG) {
        if (is_wanted(options_, child, name)) found_.push_back({child, folder / name});
        continue;
      }
      const fs::path path = folder / name;
      struct stat status;
      if (::stat(path.c_str(), &status) != 0) {
        // A dangling symlink that looks like an article is worth naming; other debris is not.
        if (is_wanted(options_, child, name)) report(child, std::strerror(errno));
        continue;
      }
      bool is_link = entry.type == DT_LNK;
      if (entry.type == DT_UNKNOWN) {  // file systems that do not fill d_type
        struct stat link_status;
        is_link = ::lstat(path.c_str(), &link_status) == 0 && S_ISLNK(link_status.st_mode);
      }
      if (S_ISDIR(status.st_mode)) {
        if (any_match(options_.excludes, child)) continue;
        const FileId id{status.st_dev, status.st_ino};
        if (is_link) {
          if (leads_inside(path, child)) linked_.push_back({path, child, id});
          continue;
        }
        // Each folder is walked once, which also ends symlink loops.
        if (visited_.insert(id).second) walk_folder(path, child);
      } else if (S_ISREG(status.st_mode) && is_wanted(options_, child, name)) {
        if (!is_link || leads_inside(path, child)) found_.push_back({child, path});
      }
    }
  }

  // Whether symlink `path` resolves inside the folder argument; if not, it is reported skipped.
  bool leads_inside(const fs::path& path, const std::string& relative) {
    std::error_code error;
    const fs::path target = fs::canonical(path, error);
    if (!error) {
      const auto [root_end, target_at] =
          std::mismatch(root_real_.begin(), root_real_.end(), target.begin(), target.end());
      if (root_end == root_real_.end()) return true;
    }
    skipped_.push_back({join_path(argument_, relative),
                        "a symlink to " + (error ? error.message() : target.string()) +
                            ", outside " + argument_ + "; not followed (name it to check it)"});
    return false;
  }

  void report(const std::string& relative, std::string message) {
    errors_.push_back({join_path(argument_, relative), std::move(message)});
  }

  const DiscoveryOptions& options_;
  std::vector<DiscoveryError>& errors_;
  std::vector<DiscoveryError>& skipped_;
  std::string argument_;
  fs::path root_real_;  // the folder argument with its symlinks resolved
  std::set<FileId> visited_;
  std::vector<Linked> linked_;
  std::vector<Found> found_;
};

}  // namespace

bool matches_filter(std::string_view pattern, std::string_view relative_path) {
  while (pattern.starts_with("./"))
    pattern.remove_prefix(2);
  if (pattern.find('/') == std::string_view::npos) {
    const std::size_t slash = relative_path.rfind('/');
    const std::string_view name =
        slash == std::string_view::npos ? relative_path : relative_path.substr(slash + 1);
    return analyzers::glob_match(pattern, name);
  }
  return analyzers::glob_match(pattern, relative_path);
}

Discovery discover_inputs(const std::vector<std::string>& arguments,
                          const DiscoveryOptions& options) {
  Discovery discovery;
  for (const std::string& argument : arguments) {
    if (argument == "-") {
      InputFile input;
      input.from_stdin = true;
      input.display_path = options.stdin_filename.value_or("<stdin>");
      input.config_lookup = options.stdin_filename.value_or("stdin");
      discovery.files.push_back(std::move(input));
      continue;
    }
    struct stat status;
    if (::stat(argument.c_str(), &status) != 0) {
      discovery.errors.push_back({argument, std::strerror(errno)});
      continue;
    }
    if (!S_ISDIR(status.st_mode)) {
      discovery.files.push_back({argument, argument, false, argument});
      continue;
    }
    Walker walker(options, discovery, argument);
    for (Found& found : walker.walk(argument, status)) {
      std::string display = join_path(argument, found.relative);
      discovery.files.push_back({display, found.path, false, found.path});
    }
  }
  return discovery;
}

}  // namespace copydesk::server::cli
