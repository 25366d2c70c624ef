namespace WeClick.Data.Synthetic;

/// <summary>
/// The pinhole camera of a snippet: focal length f and principal point (cx, cy) in pixels, driving forward
/// along z at <see cref="Speed"/> metres per frame, <see cref="Lateral"/> metres right of the road's centre line (in the
/// right lane, as a car drives), and panning (yaw) linearly. At the labelled frame it sits at (Lateral, 0, 0). Pixel (x, y) is the centre of column x and row y (the align_corners = true convention of
/// algorithms.md §4.1), so the projection needs no half-pixel shifts.
/// </summary>
internal sealed class SceneCamera(double focal, double cx, double cy, double speed, double yawPerFrame, double lateral = 0)
{
    /// <summary>
    /// The camera's x in metres (the road's centre line is x = 0). Not 0: a camera on the centre line sees the road
    /// symmetric about the dashed line, so the road's centroid, where its click goes (WeClick §4.2), lands on the dashes.
    /// </summary>
    public double Lateral { get; } = lateral;

    public double Focal { get; } = focal;

    public double Cx { get; } = cx;

    public double Cy { get; } = cy;

    public double Speed { get; } = speed;

    public double YawPerFrame { get; } = yawPerFrame;

    /// <summary>
    /// The homography H (row-major 3×3) from a layer's (a, b, 1) to homogeneous pixels at frame offset dt:
    /// H = K·R(dt)·[AxisA | AxisB | Origin(dt) − C(dt)]. Its third output is the point's depth along the optical
    /// axis, so the inverse maps pixel (x, y, 1) to (a, b, 1)/depth.
    /// </summary>
    public double[] Homography(SceneLayer layer, int dt)
    {
        var centre = new Vec3(Lateral, 0, Speed * dt);
        var yaw = YawPerFrame * dt;
        double c = Math.Cos(yaw), s = Math.Sin(yaw);
        var columns = new[] { layer.AxisA, layer.AxisB, layer.OriginAt(dt) - centre };
        var h = new double[9];
        for (var j = 0; j < 3; j++)
        {
            var v = columns[j];
            // R: world → camera for a yaw to the right (camera right axis (cos, 0, −sin), forward (sin, 0, cos)).
            var xc = c * v.X - s * v.Z;
            var yc = v.Y;
            var zc = s * v.X + c * v.Z;
            h[j] = Focal * xc + Cx * zc;
            h[3 + j] = Focal * yc + Cy * zc;
            h[6 + j] = zc;
        }
        return h;
    }

    /// <summary>The inverse of a 3×3 row-major matrix (adjugate / determinant).</summary>
    /// <exception cref="InvalidOperationException">The matrix is singular (the camera lies in the layer's plane).</exception>
    public static double[] Invert(double[] m)
    {
        var inv = new[]
        {
            m[4] * m[8] - m[5] * m[7], m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
            m[5] * m[6] - m[3] * m[8], m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
            m[3] * m[7] - m[4] * m[6], m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3],
        };
        var det = m[0] * inv[0] + m[1] * inv[3] + m[2] * inv[6];
        if (Math.Abs(det) < 1e-12)
        {
            throw new InvalidOperationException("Synthetic scene: a layer's plane passes through the camera centre.");
        }
        for (var i = 0; i < 9; i++)
        {
            inv[i] /= det;
        }
        return inv;
    }
}
