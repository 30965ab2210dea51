package cn.anju.disclosure;

/** A file sent with a reply to a request for information: what its reader sees of it (its digest to check it by). */
public record InformationReplyFile(long id, String name, String contentType, long size, String sha256) {
}
