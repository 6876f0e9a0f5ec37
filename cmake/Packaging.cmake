# Install rules and the Debian package (CPack DEB).
#
# The catalog (seeds/) and the policy presets (rules/policies/) are compiled
# into the binary, so the package holds the binary and its documentation only.
#
#   cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF
#   cmake --build build-release
#   cpack --config build-release/CPackConfig.cmake -B build-release/package   # modelprov_<version>_<arch>.deb
#
# tests/packaging/check_deb.sh builds the package from such a build directory,
# inspects it and runs the binary it contains.
include(GNUInstallDirs)

# The binary: install(TARGETS modelprov ...) in scanner/cli/CMakeLists.txt.
install(FILES ${PROJECT_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/docs
        PATTERN "demo" EXCLUDE)
# JSON Schemas for `--catalog` overlay files (docs/catalog.md).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/seeds/schema/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/schema)
foreach(license_file LICENSE LICENSE.md LICENSE.txt COPYING)
  if(EXISTS ${PROJECT_SOURCE_DIR}/${license_file})
    install(FILES ${PROJECT_SOURCE_DIR}/${license_file} DESTINATION ${CMAKE_INSTALL_DOCDIR} RENAME copyright)
    break()
  endif()
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME modelprov)
set(CPACK_PACKAGE_VENDOR "modelprov")
# Whoever builds the package for distribution sets the Maintainer field:
#   -DMODELPROV_DEB_MAINTAINER="Name <email>"
set(MODELPROV_DEB_MAINTAINER "modelprov maintainers <maintainers@modelprov.invalid>"
    CACHE STRING "Maintainer: field of the Debian package")
set(CPACK_PACKAGE_CONTACT "${MODELPROV_DEB_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${MODELPROV_DEB_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "find the third-party AI models a code base depends on, and their licenses")
set(CPACK_PACKAGE_DESCRIPTION
    "modelprov scans a source tree (or git commits, or archives) for AI model dependencies: Hugging Face model ids, hosted-API model names, API base URLs, vendor SDKs, model folders and weight headers, Ollama Modelfiles, serving commands and deploy configs. It resolves each one against a built-in catalog of model families, publishers, licenses and API providers, and reports them as text, JSON, SARIF, CycloneDX, SPDX, Markdown or HTML, with policy checks for CI. It makes no network calls.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY modelprov)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)           # modelprov_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(MODELPROV_DEB_HOMEPAGE "" CACHE STRING "Homepage: field of the Debian package (left out when empty)")
if(MODELPROV_DEB_HOMEPAGE)
  set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${MODELPROV_DEB_HOMEPAGE}")
endif()
# Depends: computed by dpkg-shlibdeps (package dpkg-dev) from the libraries the
# binary links (libgit2, libarchive, yaml-cpp, vectorscan, libstdc++...).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# git is not linked (libgit2 reads repositories itself); it is only suggested.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS git)

include(CPack)
