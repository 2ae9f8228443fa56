package dev.ragfn.convert.source;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.eclipse.jgit.transport.http.HttpConnection;
import org.eclipse.jgit.util.TemporaryBuffer;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * One JGit HTTP exchange over the {@link GitSession}'s pinned client. JGit writes the whole request
 * body before it asks for the answer, so the body is buffered (spilling to a temporary file past
 * 1 MiB) and the request is sent on the first question about the response. Like
 * HttpURLConnection, the body of an error answer is never handed out: JGit gets the status only.
 */
final class PinnedHttpConnection implements HttpConnection {

    private final GitSession session;
    private final URL url;
    private final Map<String, String> requestHeaders = new LinkedHashMap<>();
    private String method = "GET";
    private int readTimeoutMillis;
    private TemporaryBuffer body;
    private ClassicHttpResponse response;
    private Map<String, List<String>> responseHeaders;

    PinnedHttpConnection(GitSession session, URL url) {
        this.session = session;
        this.url = url;
    }

    private ClassicHttpResponse response() throws IOException {
        if (response != null) {
            return response;
        }
        HttpUriRequestBase request;
        try {
            request = new HttpUriRequestBase(method, url.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("invalid Git URL " + url, e);
        }
        requestHeaders.forEach(request::setHeader);
        if (body != null) {
            body.close();
            request.setEntity(new InputStreamEntity(body.openInputStreamWithAutoDestroy(), body.length(), null));
        }
        response = session.execute(request, readTimeoutMillis);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Header header : response.getHeaders()) {
            headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
        }
        responseHeaders = Collections.unmodifiableMap(headers);
        return response;
    }

    @Override
    public int getResponseCode() throws IOException {
        return response().getCode();
    }

    @Override
    public URL getURL() {
        return url;
    }

    @Override
    public String getResponseMessage() throws IOException {
        return response().getReasonPhrase();
    }

    @Override
    public Map<String, List<String>> getHeaderFields() {
        try {
            response();
        } catch (IOException e) {
            return Map.of();
        }
        return responseHeaders;
    }

    @Override
    public void setRequestProperty(String key, String value) {
        requestHeaders.put(key, value);
    }

    @Override
    public void setRequestMethod(String method) {
        this.method = method;
    }

    @Override
    public void setUseCaches(boolean usecaches) {
        // nothing is cached
    }

    @Override
    public void setConnectTimeout(int timeout) {
        // the session's connect timeout applies; it is never longer than JGit's, which comes from the same setting
    }

    @Override
    public void setReadTimeout(int timeout) {
        this.readTimeoutMillis = timeout;
    }

    @Override
    public String getContentType() {
        return getHeaderField("Content-Type");
    }

    @Override
    public InputStream getInputStream() throws IOException {
        int status = getResponseCode();
        if (status == 404 || status == 410) {
            throw new FileNotFoundException(url.toString());
        }
        if (status >= 400) {
            throw new IOException("HTTP " + status + " from " + url.getHost());
        }
        HttpEntity entity = response.getEntity();
        return entity == null ? InputStream.nullInputStream() : entity.getContent();
    }

    /** The last value, as HttpURLConnection gives it. */
    @Override
    public String getHeaderField(String name) {
        List<String> values = getHeaderFields(name);
        return values.isEmpty() ? null : values.getLast();
    }

    @Override
    public List<String> getHeaderFields(String name) {
        return getHeaderFields().getOrDefault(name, List.of());
    }

    @Override
    public int getContentLength() {
        try {
            HttpEntity entity = response().getEntity();
            long length = entity == null ? -1 : entity.getContentLength();
            return length > Integer.MAX_VALUE ? -1 : (int) length;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void setInstanceFollowRedirects(boolean followRedirects) {
        // never followed here: JGit follows them through the session, which vets each target
    }

    @Override
    public void setDoOutput(boolean dooutput) {
        if (dooutput && body == null) {
            body = new TemporaryBuffer.LocalFile(null);
        }
    }

    @Override
    public void setFixedLengthStreamingMode(int contentLength) {
        // the body is buffered and sent with its length
    }

    @Override
    public OutputStream getOutputStream() {
        setDoOutput(true);
        return body;
    }

    @Override
    public void setChunkedStreamingMode(int chunklen) {
        // the body is buffered and sent with its length
    }

    @Override
    public String getRequestMethod() {
        return method;
    }

    @Override
    public boolean usingProxy() {
        return false;
    }

    @Override
    public void connect() {
        // the request goes out with the first question about the answer, once the body is written
    }

    /** Only called to turn certificate checks off (http.sslVerify=false), which this function never does. */
    @Override
    public void configure(KeyManager[] km, TrustManager[] tm, SecureRandom random) throws KeyManagementException {
        throw new KeyManagementException("TLS certificates of Git servers are always verified here");
    }

    @Override
    public void setHostnameVerifier(HostnameVerifier hostnameverifier) throws KeyManagementException {
        throw new KeyManagementException("TLS host names of Git servers are always verified here");
    }
}
