import Glibc

/// An open file descriptor and the few system calls the journal needs.
///
/// Glibc directly rather than FileHandle: every failure keeps its errno (a
/// full disk must say so), nothing is buffered behind our back, and `flock`,
/// `fsync`, `ftruncate` and `O_NOFOLLOW` are all at hand. Closed on deinit.
public final class PosixFile {
    /// A replaceable `write(2)`: returns the bytes written, or `-errno`.
    ///
    /// Tests swap it to simulate a disk that fills up or fails halfway
    /// through a write; everything else uses `PosixFile.systemWrite`.
    public typealias WriteFunction = @Sendable (_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int

    public static let systemWrite: WriteFunction = { fd, buffer in
        let written = write(fd, buffer.baseAddress, buffer.count)
        return written < 0 ? -Int(errno) : written
    }

    public let descriptor: Int32
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        close(descriptor)
    }

    /// Opens a regular file, never following a symbolic link in its last component.
    ///
    /// - Parameters:
    ///   - create: create the file (mode 0600) if missing.
    ///   - exclusive: with `create`, fail if it exists.
    ///   - writable: open for reading and writing.
    ///   - appending: with `writable`, every write goes to the end (`O_APPEND`);
    ///     off for files rewritten in place (`pwrite` ignores the offset under `O_APPEND`).
    public static func open(
        _ path: String, writable: Bool, appending: Bool = true, create: Bool = false, exclusive: Bool = false
    ) throws(StoreError) -> PosixFile {
        var flags = O_CLOEXEC | O_NOFOLLOW | O_NOCTTY
        flags |= writable ? (appending ? O_RDWR | O_APPEND : O_RDWR) : O_RDONLY
        if create { flags |= O_CREAT }
        if create && exclusive { flags |= O_EXCL }
        var fd: Int32
        repeat {
            fd = Glibc.open(path, flags, mode_t(0o600))
        } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            let code = errno
            var info = stat()
            if code == ELOOP || (code == EEXIST && lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK) {
                throw .symbolicLink(path: path)
            }
            throw .system(operation: "open", path: path, errno: code)
        }
        let file = PosixFile(descriptor: fd, path: path)
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .system(operation: "inspect", path: path, errno: errno) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .notRegularFile(path: path) }
        if create, info.st_mode & 0o777 != 0o600 {
            // The umask may have taken bits away; a journal is private, not less.
            guard fchmod(fd, 0o600) == 0 else { throw .system(operation: "set permissions on", path: path, errno: errno) }
        }
        return file
    }

    /// Opens a folder to fsync it (so that a new entry in it survives a crash).
    public static func syncDirectory(_ path: String) throws(StoreError) {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw .system(operation: "open folder", path: path, errno: errno) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw .system(operation: "sync folder", path: path, errno: errno) }
    }

    /// The file's current length in bytes.
    public func size() throws(StoreError) -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .system(operation: "inspect", path: path, errno: errno) }
        return Int(info.st_size)
    }

    /// Takes the exclusive (writers) or shared (readers) lock; blocks until granted.
    public func lock(exclusive: Bool) throws(StoreError) {
        while flock(descriptor, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            guard errno == EINTR else { throw .system(operation: "lock", path: path, errno: errno) }
        }
    }

    public func unlock() {
        _ = flock(descriptor, LOCK_UN)
    }

    /// Reads bytes `offset..<size` (to the end of the file as it is now).
    public func read(from offset: Int) throws(StoreError) -> [UInt8] {
        let end = try size()
        guard end > offset else { return [] }
        let count = end - offset
        var failure: StoreError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(StoreError) {
                initialized = try read(into: UnsafeMutableRawBufferPointer(buffer), from: offset)
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Fills `buffer` with the bytes from `offset` on, looping over short reads;
    /// returns how many it read (fewer than `buffer.count` only at the end of the file).
    public func read(into buffer: UnsafeMutableRawBufferPointer, from offset: Int) throws(StoreError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let got = pread(descriptor, base + done, buffer.count - done, off_t(offset + done))
            if got < 0 {
                if errno == EINTR { continue }
                throw .system(operation: "read", path: path, errno: errno)
            }
            if got == 0 { break }
            done += got
        }
        return done
    }

    /// Fills `bytes[..<count]` like `read(into:from:)`.
    public func read(into bytes: inout [UInt8], count: Int, from offset: Int) throws(StoreError) -> Int {
        let result: Result<Int, StoreError> = bytes.withUnsafeMutableBytes { buffer in
            do throws(StoreError) {
                return .success(try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<count]), from: offset))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Writes all of `bytes` at the end of the file, looping over short writes.
    public func writeAll(_ bytes: [UInt8], using writer: WriteFunction = PosixFile.systemWrite) throws(StoreError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let result = writer(descriptor, UnsafeRawBufferPointer(rebasing: buffer[done...]))
                if result < 0 {
                    if Int32(-result) == EINTR { continue }
                    failure = Int32(-result)
                    return
                }
                if result == 0 {
                    failure = EIO
                    return
                }
                done += result
            }
        }
        if failure != 0 { throw .system(operation: "write", path: path, errno: failure) }
    }

    /// Writes `bytes` at offset 0 with one `pwrite` and cuts the file to their length (for small, fixed-size files).
    public func overwrite(_ bytes: [UInt8]) throws(StoreError) {
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        guard written == bytes.count else { throw .system(operation: "write", path: path, errno: written < 0 ? errno : EIO) }
        if try size() > bytes.count { try truncate(to: bytes.count) }
    }

    /// Flushes the file's data and length to the disk.
    public func sync() throws(StoreError) {
        while fsync(descriptor) != 0 {
            guard errno == EINTR else { throw .system(operation: "sync", path: path, errno: errno) }
        }
    }

    /// Cuts the file back to `length` bytes.
    public func truncate(to length: Int) throws(StoreError) {
        while ftruncate(descriptor, off_t(length)) != 0 {
            guard errno == EINTR else { throw .system(operation: "truncate", path: path, errno: errno) }
        }
    }

    /// The C library's text for an errno.
    public static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
