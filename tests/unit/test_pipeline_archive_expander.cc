#include <catch2/catch.hpp>

#include <string>

#include "pipeline/archive_expander.h"

using namespace modelprov;

TEST_CASE("archive names are recognised by suffix, case-insensitively", "[pipeline][archive]") {
  for (const char* name : {"a.zip", "dir/b.TAR.GZ", "c.tgz", "d.tar.bz2", "e.tar.xz", "f.tar.zst", "g.7z", "h.whl",
                           "i.jar", "j.nupkg", "k.mar", "l.nemo", "m.keras", "n.tar", "o.tbz2", "p.txz", "q.tzst"}) {
    INFO(name);
    CHECK(IsArchiveName(name));
  }
  for (const char* name : {"a.py", "zip", "model.gz", "weights.safetensors", "a.zip.txt", "archive"}) {
    INFO(name);
    CHECK_FALSE(IsArchiveName(name));
  }
}

TEST_CASE("archive magic: zip, 7z and ustar tar only", "[pipeline][archive]") {
  CHECK(IsArchiveMagic(std::string("PK\x03\x04rest", 8)));
  CHECK(IsArchiveMagic(std::string("PK\x05\x06", 4)));
  CHECK(IsArchiveMagic(std::string("7z\xBC\xAF\x27\x1C", 6)));
  std::string tar(300, '\0');
  tar.replace(257, 5, "ustar");
  CHECK(IsArchiveMagic(tar));
  CHECK_FALSE(IsArchiveMagic(tar.substr(0, 200)));
  CHECK_FALSE(IsArchiveMagic("\x1f\x8b plain gzip"));
  CHECK_FALSE(IsArchiveMagic("PK but not a zip"));
  CHECK_FALSE(IsArchiveMagic(""));
}
