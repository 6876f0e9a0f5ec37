# modelprov in a container: the binary on Debian 12 slim, run as a non-root
# user on the directory mounted at /src.
#
#   docker build -t modelprov .
#   docker run --rm -v "$PWD:/src" modelprov scan .
#   docker run --rm -v "$PWD:/src" modelprov scan . --report sarif=modelprov.sarif
#
# Reports written with -o / --report land in the mounted directory, so the
# container user must be able to write there: add `--user "$(id -u):$(id -g)"`
# when your uid is not 1000.

# ---- build: the Debian 12 toolchain and -dev packages setup.sh builds with
FROM debian:12 AS build
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      g++ cmake ninja-build pkg-config git libgit2-dev libarchive-dev nlohmann-json3-dev libcli11-dev \
      libyaml-cpp-dev libvectorscan-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /modelprov
COPY . .
# The catalog (seeds/) and the policy presets are compiled in: the binary is all the runtime stage needs.
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
 && cmake --build /build \
 && cmake --install /build --prefix /install --strip \
 && /install/bin/modelprov --version

# ---- runtime: only the shared libraries the binary links (Debian 12 names)
FROM debian:12-slim
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      libgit2-1.5 libarchive13 libyaml-cpp0.7 libvectorscan5 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /install/bin/modelprov /usr/bin/modelprov
# A mounted repository belongs to the host's user, not to the container's:
# libgit2 then refuses it ("not inside a git repository") unless it is marked
# safe. libgit2 1.5 needs the exact path ('*' does not work).
RUN printf '[safe]\n\tdirectory = /src\n' > /etc/gitconfig \
 && useradd --create-home --uid 1000 --shell /usr/sbin/nologin modelprov
USER modelprov
WORKDIR /src
ENTRYPOINT ["modelprov"]
CMD ["scan", "."]
