package cn.anju.shared.files;

/** A file as a user sent it (a photo, a scan): its name as given and its bytes, before any check. */
public record Upload(String originalName, byte[] content) {

    public boolean empty() {
        return content == null || content.length == 0;
    }

    /** The name with path separators and line breaks made harmless; "file" when none was given. */
    public String safeName(String fallback) {
        return originalName == null || originalName.isBlank() ? fallback : originalName.replaceAll("[\\\\/\\r\\n]", "_");
    }
}
