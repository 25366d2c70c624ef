namespace WeClick.Data;

/// <summary>Checks a Cityscapes-layout root (real or synthetic) before training: folders, snippets, instance files.</summary>
public static class CityscapesLayout
{
    /// <summary>
    /// Lists what is missing or incomplete under <paramref name="root"/>: for each split (default: those present under
    /// <c>gtFine/</c>, else train and val), every labelled frame's snippet frames in <c>leftImg8bit_sequence</c> and its
    /// instance file. Reads no image, only directory listings, so it is quick on the full 324 GB set.
    /// </summary>
    /// <param name="root">The dataset root.</param>
    /// <param name="splits">Splits to check; null = every split found.</param>
    /// <param name="maxListed">How many problems to list by name (the rest are counted).</param>
    public static CityscapesLayoutReport Check(string root, IReadOnlyList<string>? splits = null, int maxListed = 50)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        var problems = new List<string>();
        var unlisted = 0;
        void Problem(string p)
        {
            if (problems.Count < maxListed)
            {
                problems.Add(p);
            }
            else
            {
                unlisted++;
            }
        }
        DatasetDescriptor descriptor;
        try
        {
            descriptor = DatasetDescriptor.ForRoot(root);
        }
        catch (InvalidDataException e)
        {
            return new CityscapesLayoutReport(root, DatasetDescriptor.Cityscapes, [], [e.Message], 0);
        }
        if (!Directory.Exists(root))
        {
            return new CityscapesLayoutReport(root, descriptor, [], [$"the root folder '{root}'"], 0);
        }
        var gtFine = Path.Combine(root, "gtFine");
        var wanted = splits ?? (Directory.Exists(gtFine)
            ? Directory.GetDirectories(gtFine).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray()
            : ["train", "val"]);
        var summaries = new List<CityscapesSplitSummary>();
        foreach (var split in wanted)
        {
            var labelFolder = Path.Combine(gtFine, split);
            var imageFolder = Path.Combine(root, "leftImg8bit_sequence", split);
            if (!Directory.Exists(labelFolder))
            {
                Problem($"folder '{labelFolder}' (from gtFine_trainvaltest.zip)");
            }
            if (!Directory.Exists(imageFolder))
            {
                Problem($"folder '{imageFolder}' (from leftImg8bit_sequence_trainvaltest.zip)");
            }
            if (!Directory.Exists(labelFolder))
            {
                summaries.Add(new CityscapesSplitSummary(split, 0, 0, 0, 0));
                continue;
            }
            // One listing per city folder, then set look-ups: no per-file stat on 150k frames.
            var existing = Directory.Exists(imageFolder)
                ? Directory.EnumerateFiles(imageFolder, "*.png", SearchOption.AllDirectories).Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal)
                : [];
            var labelFiles = Directory.EnumerateFiles(labelFolder, "*", SearchOption.AllDirectories).Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
            int labelled = 0, complete = 0, missingFrames = 0, missingInstances = 0;
            foreach (var labelPath in labelFiles.Where(p => p.EndsWith("_gtFine_labelIds.png", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                if (CityscapesFrameId.TryParse(split, Path.GetFileName(labelPath)) is not { } id)
                {
                    Problem($"'{labelPath}' is not named <city>_<seq:D6>_<frame:D6>_gtFine_labelIds.png");
                    continue;
                }
                id = id with { City = Path.GetFileName(Path.GetDirectoryName(labelPath)!) };
                labelled++;
                var first = id.Frame - descriptor.LabelledIndex;
                var missingHere = 0;
                for (var frame = first; frame < first + descriptor.SnippetLength; frame++)
                {
                    var path = Path.GetFullPath(id.ImagePath(root, frame));
                    if (!existing.Contains(path))
                    {
                        missingHere++;
                        Problem($"'{path}' (frame {frame} of the snippet of {id.Name})");
                    }
                }
                missingFrames += missingHere;
                complete += missingHere == 0 ? 1 : 0;
                if (!labelFiles.Contains(Path.GetFullPath(id.InstancePath(root))))
                {
                    missingInstances++;
                    Problem($"'{id.InstancePath(root)}'");
                }
            }
            summaries.Add(new CityscapesSplitSummary(split, labelled, complete, missingFrames, missingInstances));
        }
        return new CityscapesLayoutReport(root, descriptor, summaries, problems, unlisted);
    }
}
