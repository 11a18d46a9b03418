#include "server/config_loader.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

using copydesk::analyzers::CalendarDate;
using copydesk::analyzers::Config;
using copydesk::analyzers::to_string;
using copydesk::server::ConfigLoader;
using copydesk::server::ConfigLookup;
using copydesk::server::relative_to;

namespace fs = std::filesystem;

namespace {

// A fresh folder tree under the system temp folder, removed afterwards.
class TempTree {
 public:
  TempTree() {
    std::string pattern = (fs::temp_directory_path() / "copydesk-config-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    root_ = fs::path(pattern);
  }
  ~TempTree() {
    std::error_code error;
    fs::permissions(root_ / "locked" / ".copydesk.toml", fs::perms::owner_all, error);
    fs::remove_all(root_, error);
  }
  const fs::path& root() const { return root_; }

  fs::path write(const fs::path& relative, std::string_view text) const {
    const fs::path path = root_ / relative;
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

 private:
  fs::path root_;
};

bool ancestor_has_config(fs::path folder) {
  while (true) {
    if (fs::exists(folder / ".copydesk.toml")) return true;
    if (folder.parent_path() == folder) return false;
    folder = folder.parent_path();
  }
}

}  // namespace

TEST_CASE("discovery walks up from the file's folder to the nearest config") {
  TempTree tree;
  const fs::path top = tree.write(".copydesk.toml", "dateline = \"2024-03-12\"\n");
  const fs::path nested = tree.write("opinion/.copydesk.toml", "dateline = \"2024-01-01\"\n");
  tree.write("news/sub/deep.md", "text");

  ConfigLoader loader;
  const ConfigLookup deep = loader.for_file(tree.root() / "news/sub/deep.md");
  CHECK(deep.config_path == top);
  CHECK(deep.base_dir == tree.root());
  CHECK(deep.config->dateline == CalendarDate{2024, 3, 12});
  CHECK(deep.errors.empty());
  CHECK(deep.relative_path(tree.root() / "news/sub/deep.md") == "news/sub/deep.md");

  // The file need not exist (an unsaved buffer); its folder's lookup is the same.
  const ConfigLookup column = loader.for_file(tree.root() / "opinion/2024/column.md");
  CHECK(column.config_path == nested);
  CHECK(column.base_dir == tree.root() / "opinion");
  CHECK(column.config->dateline == CalendarDate{2024, 1, 1});
  CHECK(column.relative_path(tree.root() / "opinion/2024/column.md") == "2024/column.md");

  // A file directly beside the config.
  CHECK(loader.for_file(tree.root() / "a.md").config_path == top);
  // Unnormalized paths find the same config.
  CHECK(loader.for_file(tree.root() / "news/./sub/../b.md").config_path == top);
}

TEST_CASE("parsed configs are cached and shared; invalidate re-reads") {
  TempTree tree;
  tree.write(".copydesk.toml", "dateline = \"2024-03-12\"\n");
  ConfigLoader loader;
  const ConfigLookup first = loader.for_file(tree.root() / "a/x.md");
  const ConfigLookup second = loader.for_file(tree.root() / "b/y.md");
  CHECK(first.config == second.config);

  tree.write(".copydesk.toml", "dateline = \"2025-01-01\"\n");
  CHECK(loader.for_file(tree.root() / "a/x.md").config->dateline == CalendarDate{2024, 3, 12});
  loader.invalidate();
  CHECK(loader.for_file(tree.root() / "a/x.md").config->dateline == CalendarDate{2025, 1, 1});

  // A config created after a lookup found another one needs invalidate too.
  CHECK(loader.for_file(tree.root() / "c/z.md").config->dateline == CalendarDate{2025, 1, 1});
  tree.write("c/.copydesk.toml", "dateline = \"2026-01-01\"\n");
  CHECK(loader.for_file(tree.root() / "c/z.md").config->dateline == CalendarDate{2025, 1, 1});
  loader.invalidate();
  CHECK(loader.for_file(tree.root() / "c/z.md").config->dateline == CalendarDate{2026, 1, 1});
}

TEST_CASE("a config's errors come with every lookup but are new only once") {
  TempTree tree;
  const fs::path config =
      tree.write(".copydesk.toml", "colour = \"blue\"\ndateline = \"2024-03-12\"\n");
  ConfigLoader loader;
  const ConfigLookup first = loader.for_file(tree.root() / "a.md");
  REQUIRE(first.errors.size() == 1);
  CHECK(first.errors[0].path == config.string());
  CHECK(first.errors[0].line == 1);
  CHECK(first.errors[0].key == "colour");
  CHECK(first.new_errors == first.errors);
  CHECK(first.config->dateline == CalendarDate{2024, 3, 12});

  const ConfigLookup second = loader.for_file(tree.root() / "sub/b.md");
  CHECK(second.errors == first.errors);
  CHECK(second.new_errors.empty());

  loader.invalidate();
  CHECK(loader.for_file(tree.root() / "a.md").new_errors.size() == 1);
}

TEST_CASE("each config file's errors are new once, independently") {
  TempTree tree;
  tree.write(".copydesk.toml", "a = 1\n");
  tree.write("sub/.copydesk.toml", "b = 1\n");
  ConfigLoader loader;
  CHECK(loader.for_file(tree.root() / "x.md").new_errors.size() == 1);
  CHECK(loader.for_file(tree.root() / "sub/x.md").new_errors.size() == 1);
  CHECK(loader.for_file(tree.root() / "x.md").new_errors.empty());
  CHECK(loader.for_file(tree.root() / "sub/x.md").new_errors.empty());
}

TEST_CASE("a syntax error gives an empty config and the error") {
  TempTree tree;
  tree.write(".copydesk.toml", "[rules\n");
  ConfigLoader loader;
  const ConfigLookup lookup = loader.for_file(tree.root() / "x.md");
  CHECK(*lookup.config == Config{});
  REQUIRE(lookup.errors.size() == 1);
  CHECK(lookup.errors[0].line == 1);
}

TEST_CASE("--config: one file for every document, globs relative to its folder") {
  TempTree tree;
  const fs::path chosen = tree.write("configs/house.toml", "dateline = \"2024-05-05\"\n");
  tree.write("news/.copydesk.toml", "dateline = \"2024-01-01\"\n");
  ConfigLoader loader(chosen);
  const ConfigLookup lookup = loader.for_file(tree.root() / "news/story.md");
  CHECK(lookup.config_path == chosen);
  CHECK(lookup.base_dir == tree.root() / "configs");
  CHECK(lookup.config->dateline == CalendarDate{2024, 5, 5});
  CHECK(lookup.relative_path(tree.root() / "news/story.md") == "../news/story.md");
  CHECK(loader.for_file("").config_path == chosen);
}

TEST_CASE("--config naming a missing file is an error naming it") {
  TempTree tree;
  const fs::path missing = tree.root() / "nope.toml";
  ConfigLoader loader(missing);
  const ConfigLookup lookup = loader.for_file(tree.root() / "story.md");
  CHECK(*lookup.config == Config{});
  REQUIRE(lookup.errors.size() == 1);
  CHECK(lookup.errors[0].path == missing.string());
  CHECK(to_string(lookup.errors[0]).find(missing.string()) == 0);
  CHECK(lookup.errors[0].message.find("cannot read") != std::string::npos);
  CHECK(lookup.errors[0].message.find("No such file") != std::string::npos);
  CHECK(lookup.new_errors.size() == 1);
  CHECK(loader.for_file(tree.root() / "other.md").new_errors.empty());
}

TEST_CASE("--no-config ignores every config file, and --config") {
  TempTree tree;
  const fs::path config = tree.write(".copydesk.toml", "dateline = \"2024-03-12\"\n");
  for (const std::optional<fs::path>& explicit_config :
       {std::optional<fs::path>(), std::optional(config)}) {
    ConfigLoader loader(explicit_config, true);
    const ConfigLookup lookup = loader.for_file(tree.root() / "news/story.md");
    CHECK(*lookup.config == Config{});
    CHECK(lookup.config_path.empty());
    CHECK(lookup.errors.empty());
    CHECK(lookup.base_dir == tree.root() / "news");
    CHECK(lookup.relative_path(tree.root() / "news/story.md") == "story.md");
  }
}

TEST_CASE("no config anywhere: an empty config based at the file's folder") {
  TempTree tree;
  if (ancestor_has_config(tree.root())) {
    MESSAGE("skipped: a folder above the temp folder has a .copydesk.toml");
    return;
  }
  ConfigLoader loader;
  const ConfigLookup lookup = loader.for_file(tree.root() / "news/story.md");
  CHECK(*lookup.config == Config{});
  CHECK(lookup.config_path.empty());
  CHECK(lookup.errors.empty());
  CHECK(lookup.base_dir == tree.root() / "news");
  CHECK(lookup.relative_path(tree.root() / "news/story.md") == "story.md");

  // An unsaved document with no path.
  const ConfigLookup untitled = loader.for_file("");
  CHECK(*untitled.config == Config{});
  CHECK(untitled.base_dir.empty());
}

TEST_CASE("an unreadable config is an error naming its path") {
  TempTree tree;
  SUBCASE("a directory") {
    fs::create_directories(tree.root() / "dir/.copydesk.toml");
    ConfigLoader loader;
    const ConfigLookup lookup = loader.for_file(tree.root() / "dir/story.md");
    CHECK(*lookup.config == Config{});
    REQUIRE(lookup.errors.size() == 1);
    CHECK(lookup.errors[0].path == (tree.root() / "dir/.copydesk.toml").string());
    CHECK(lookup.errors[0].message == "cannot read this file: it is a directory");
  }
  SUBCASE("a dangling symlink") {
    fs::create_directories(tree.root() / "link");
    fs::create_symlink(tree.root() / "gone.toml", tree.root() / "link/.copydesk.toml");
    ConfigLoader loader;
    const ConfigLookup lookup = loader.for_file(tree.root() / "link/story.md");
    REQUIRE(lookup.errors.size() == 1);
    CHECK(lookup.errors[0].path == (tree.root() / "link/.copydesk.toml").string());
    CHECK(lookup.errors[0].message.find("No such file") != std::string::npos);
  }
  SUBCASE("no permission") {
    const fs::path config = tree.write("locked/.copydesk.toml", "dateline = \"2024-03-12\"\n");
    fs::permissions(config, fs::perms::none);
    if (std::ifstream(config).is_open()) {
      MESSAGE("skipped: permissions do not restrict this user (root)");
      return;
    }
    ConfigLoader loader;
    const ConfigLookup lookup = loader.for_file(tree.root() / "locked/story.md");
    REQUIRE(lookup.errors.size() == 1);
    CHECK(lookup.errors[0].path == config.string());
    CHECK(lookup.errors[0].message.find("Permission denied") != std::string::npos);
  }
}

TEST_CASE("concurrent lookups share one parse and one report") {
  TempTree tree;
  tree.write(".copydesk.toml", "colour = 1\n");
  ConfigLoader loader;
  std::atomic<int> reports = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        const auto lookup =
            loader.for_file(tree.root() / ("d" + std::to_string((t + i) % 5)) / "x.md");
        reports += static_cast<int>(lookup.new_errors.size());
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  CHECK(reports == 1);
}

TEST_CASE("relative_to") {
  CHECK(relative_to("/a/b", "/a/b/c/d.md") == "c/d.md");
  CHECK(relative_to("/a/b/", "/a/b/d.md") == "d.md");
  CHECK(relative_to("/a/b", "/a/x/d.md") == "../x/d.md");
  CHECK(relative_to("/a/b", "/a/b/./c/../d.md") == "d.md");
  CHECK(relative_to("/", "/a/d.md") == "a/d.md");
  CHECK(relative_to("/a/b/c", "/x/d.md") == "../../../x/d.md");
  CHECK(relative_to("/a/bc", "/a/b/d.md") == "../b/d.md");
  // The string fast path agrees with lexically_relative() on normal absolute paths.
  // A pair, not a structured binding: clang 14 cannot capture bindings in CAPTURE's lambda.
  for (const std::pair<std::string, std::string>& paths :
       std::vector<std::pair<std::string, std::string>>{{"/a/b", "/a/b/c/d.md"},
                                                        {"/a/b", "/a/bb/d.md"},
                                                        {"/a/b/c", "/a/d.md"},
                                                        {"/", "/d.md"},
                                                        {"/a", "/a"},
                                                        {"/a/b", "/c/d/e/f.md"}}) {
    const std::string& base = paths.first;
    const std::string& file = paths.second;
    CAPTURE(base);
    CAPTURE(file);
    CHECK(relative_to(base, file) ==
          std::filesystem::path(file).lexically_relative(base).generic_string());
  }
}
