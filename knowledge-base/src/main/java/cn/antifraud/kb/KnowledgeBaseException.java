package cn.antifraud.kb;

/** A knowledge-base file is missing or wrong; the message names the file and, where it can, the line. */
public class KnowledgeBaseException extends RuntimeException {
    public KnowledgeBaseException(String message) {
        super(message);
    }

    public KnowledgeBaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
